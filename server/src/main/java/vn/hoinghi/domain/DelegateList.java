package vn.hoinghi.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hoinghi.domain.Command.ImportDelegates;
import vn.hoinghi.domain.Command.UpdateDelegateDetails;
import vn.hoinghi.domain.Event.DelegateDetailsRecorded;
import vn.hoinghi.domain.Event.DelegatesListed;

/**
 * The halls' delegate lists as decided: an imported list checked row by row (all problems at once, nothing added on
 * any), and a listed delegate's details changed. The lists' state and its folds are {@link Admission}'s.
 */
final class DelegateList {

  static final int MAX_DELEGATES_PER_IMPORT = 5_000;
  static final int MAX_HALLS_PER_IMPORT = 500;
  private static final Pattern PHONE = Pattern.compile("[+0-9 ().-]{6,20}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}");
  private static final Check.Field POSITION = new Check.Field("chức vụ", "position");
  private static final Check.Field UNIT = new Check.Field("đơn vị", "unit");

  private final Conference conf;

  DelegateList(Conference conf) {
    this.conf = conf;
  }

  void importDelegates(ImportDelegates c, Decide d) {
    List<DelegateEntry> rows = c.delegates();
    if (rows == null || rows.isEmpty()) {
      throw Reject.invalid("Danh sách đại biểu trống", "The delegate list is empty");
    }
    if (rows.size() > MAX_DELEGATES_PER_IMPORT) {
      throw Reject.limit("Mỗi lần nhập tối đa " + MAX_DELEGATES_PER_IMPORT + " đại biểu",
          "At most " + MAX_DELEGATES_PER_IMPORT + " delegates per import");
    }
    conf.lifecycle.requireNotClosed();
    if (conf.roster.participants.size() + rows.size() > Limits.PARTICIPANTS) {
      throw Reject.limit("Đã đạt số người tham dự tối đa", "The maximum number of participants is reached");
    }
    // Every row is checked before anything is emitted; all problems go back at once, numbered from 1.
    List<String> problems = new ArrayList<>();
    List<Object[]> ok = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> scoped = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      DelegateEntry row = rows.get(i);
      int n = i + 1;
      try {
        if (row == null) throw Reject.invalid("Dòng trống", "Empty row");
        String name = Check.text(row.fullName(), Check.NAME, Limits.NAME, true, false);
        String position = Check.text(row.position(), POSITION, Limits.NAME, false, false);
        String unit = Check.text(row.unit(), UNIT, Limits.NAME, false, false);
        String code = row.endpointCode() == null ? "" : row.endpointCode().strip().toUpperCase(Locale.ROOT);
        String endpointId = conf.roster.endpointIdByCode.get(code);
        if (endpointId == null) {
          throw Reject.notFound("Không có điểm cầu mã \"" + code + "\"", "No endpoint with code \"" + code + "\"");
        }
        scoped.add(endpointId);
        String phone = contact(row.phone(), PHONE, "số điện thoại", "phone number");
        String email = contact(row.email(), EMAIL, "địa chỉ thư điện tử", "e-mail address");
        String same = nameKey(name) + "\u0000" + endpointId;
        if (!seen.add(same)) {
          throw Reject.conflict("Trùng với một dòng trước của cùng điểm cầu", "Repeats an earlier row of the same endpoint");
        }
        if (listedAlready(name, endpointId)) {
          throw Reject.conflict("Đại biểu " + name + " đã có trong danh sách của điểm cầu",
              "Delegate " + name + " is already on the endpoint's list");
        }
        ok.add(new Object[] {name, endpointId, position, unit, phone, email});
      } catch (Reject r) {
        problems.add("dòng " + n + ": " + r.rejection.messageVi() + " / row " + n + ": " + r.rejection.messageEn());
      }
    }
    // A host lists their own hall only: a row for another hall refuses the whole list, as any forbidden command.
    scoped.forEach(d::requireEndpointScope);
    if (!problems.isEmpty()) {
      throw Reject.of(RejectionCode.INVALID, "Danh sách có " + problems.size() + " dòng lỗi; chưa nhập đại biểu nào",
          problems.size() + " rows have problems; no delegate was added", problems);
    }
    // One event per hall: the whole list is a few appends whatever its length, and each hall's hosts see their own.
    Map<String, List<Object[]>> byHall = new LinkedHashMap<>();
    for (Object[] r : ok) byHall.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(r);
    if (byHall.size() > MAX_HALLS_PER_IMPORT) {
      throw Reject.limit("Mỗi lần nhập tối đa " + MAX_HALLS_PER_IMPORT + " điểm cầu",
          "At most " + MAX_HALLS_PER_IMPORT + " endpoints per import");
    }
    for (Map.Entry<String, List<Object[]>> hall : byHall.entrySet()) {
      String base = d.nextId("p");
      List<ListedDelegate> listed = new ArrayList<>();
      int i = 0;
      for (Object[] r : hall.getValue()) {
        listed.add(new ListedDelegate(base + "-" + (++i), (String) r[0], (String) r[2], (String) r[3], (String) r[4],
            (String) r[5]));
      }
      d.emit(new DelegatesListed(hall.getKey(), listed));
    }
  }

  private boolean listedAlready(String name, String endpointId) {
    String key = nameKey(name);
    for (DelegateDetails dd : conf.admission.details.values()) {
      Participant p = conf.roster.participants.get(dd.participantId());
      if (p != null && p.active() && endpointId.equals(p.endpointId()) && key.equals(nameKey(p.displayName()))) {
        return true;
      }
    }
    return false;
  }

  private static String contact(String value, Pattern shape, String vi, String en) {
    if (value == null || value.isBlank()) return null;
    String s = value.strip();
    if (!shape.matcher(s).matches()) {
      throw Reject.invalid(capital(vi) + " không hợp lệ: \"" + s + "\"", "Not a valid " + en + ": \"" + s + "\"");
    }
    return s;
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Names compared as people read them: case, spacing and Unicode composition do not matter, diacritics do. */
  static String nameKey(String name) {
    String nfc = Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
    return SPACES.matcher(nfc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** Runs of white space, compiled once: names are compared against every listed name of a hall. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  void updateDetails(UpdateDelegateDetails c, Decide d) {
    Participant p = conf.roster.activeParticipant(c.participantId());
    d.requireEndpointScope(p.endpointId());
    conf.lifecycle.requireNotClosed();
    String position = Check.text(c.position(), POSITION, Limits.NAME, false, false);
    String unit = Check.text(c.unit(), UNIT, Limits.NAME, false, false);
    String phone = contact(c.phone(), PHONE, "số điện thoại", "phone number");
    String email = contact(c.email(), EMAIL, "địa chỉ thư điện tử", "e-mail address");
    if (!conf.admission.details.containsKey(p.id())) {
      throw Reject.wrongState("Người này không có trong danh sách đại biểu", "This person is not on a delegate list");
    }
    d.emit(new DelegateDetailsRecorded(p.id(), position, unit, phone, email));
  }
}
