package vn.hoinghi.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.DelegateDetails;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Role;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.report.export.InvitationCards;
import vn.hoinghi.wire.RestBody;
import vn.hoinghi.wire.RestBody.AttendanceHall;
import vn.hoinghi.wire.RestBody.AttendancePerson;
import vn.hoinghi.wire.RestBody.DelegateListing;

/**
 * The halls' delegate lists (danh sách đại biểu) and attendance (điểm danh), docs/api.md: import from CSV or XLSX,
 * the list with each delegate's personal code and join link, and who is registered, present and absent per hall.
 * Moderators and organizers see every hall; a hall's host sees and changes their own.
 */
final class DelegatesApi {
  private static final Pattern ROW = Pattern.compile("dòng (\\d+): (.*) / row \\d+: (.*)", Pattern.DOTALL);

  private final Vertx vertx;
  private final Gateway gateway;
  private final RestApi rest;

  DelegatesApi(Vertx vertx, Gateway gateway, RestApi rest) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.rest = rest;
  }

  void mount(Router r) {
    var member = gateway.auth().member();
    r.post("/conferences/:id/delegates/import").handler(member).handler(this::importList);
    r.get("/conferences/:id/delegates").handler(member).handler(this::list);
    r.get("/conferences/:id/delegates/cards.pdf").handler(member).handler(this::cards);
    r.get("/conferences/:id/attendance").handler(member).handler(this::attendance);
  }

  private static Actor actorOf(Tokens.Claims c) {
    return c.kind() == Tokens.Kind.ORGANIZER ? Actor.organizer(c.subject()) : Actor.participant(c.subject());
  }

  private void importList(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> {
      byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
      String type = ctx.request().getHeader("Content-Type");
      vertx.executeBlocking(() -> DelegateTable.parse(body, type), false).onComplete(ar -> {
        if (ar.failed()) {
          RestApi.failCause(ctx, ar.cause());
          return;
        }
        DelegateTable.Parsed p = ar.result();
        if (!p.problems().isEmpty()) {
          RestApi.fail(ctx, 400, Replies.error(null, "INVALID", null).put("details", new JsonArray(p.problems())));
          return;
        }
        String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key"))
            .orElse("delegates-" + JoinRequests.newKey().substring(0, 16));
        gateway.conferences().existing(id)
            .compose(w -> w.submit(new CommandEnvelope(commandId, actorOf(c), new Command.ImportDelegates(p.rows())),
                c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null))
            .onSuccess(o -> {
              if (o instanceof Outcome.Acked a) {
                RestApi.json(ctx, 201, Replies.outcome(commandId, o).put("added", a.duplicate() ? null
                    : a.events().stream().mapToInt(e -> e instanceof vn.hoinghi.domain.Event.DelegatesListed l
                        ? l.delegates().size() : 0).sum()));
              } else if (o instanceof Outcome.Refused r && !r.rejection().details().isEmpty()) {
                JsonObject reply = Replies.outcome(commandId, o);
                reply.put("details", new JsonArray(byLine(r.rejection().details(), p.lines())));
                RestApi.json(ctx, RestApi.statusFor(reply.getString("code")), reply);
              } else {
                JsonObject reply = Replies.outcome(commandId, o);
                RestApi.json(ctx, o instanceof Outcome.Acked ? 201 : RestApi.statusFor(reply.getString("code")), reply);
              }
            })
            .onFailure(e -> RestApi.failCause(ctx, e));
      });
    });
  }

  /** The core numbers problems by row; the caller's file by line. */
  static List<String> byLine(List<String> details, List<Integer> lines) {
    List<String> out = new ArrayList<>();
    for (String d : details) {
      Matcher m = ROW.matcher(d);
      int row = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      if (row >= 1 && row <= lines.size()) {
        int line = lines.get(row - 1);
        out.add("dòng " + line + ": " + m.group(2) + " / line " + line + ": " + m.group(3));
      } else {
        out.add(d);
      }
    }
    return out;
  }

  /** The endpoint the caller may read ({@code requested}, or their own for a host); null for every endpoint. */
  private static String scope(Conference conf, Tokens.Claims c, String requested) {
    if (c.kind() == Tokens.Kind.ORGANIZER) return requested;
    Participant me = conf.participant(c.subject()).orElseThrow();
    if (me.moderator()) return requested;
    if (me.has(Role.HOST) && (requested == null || requested.equals(me.endpointId()))) return me.endpointId();
    throw new ScopeError();
  }

  private static final class ScopeError extends RuntimeException {
    ScopeError() {
      super(null, null, false, false);
    }
  }

  private <T> void read(RoutingContext ctx, java.util.function.BiFunction<Conference, Predicate<String>, T> read,
                        java.util.function.Consumer<T> answer) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> gateway.conferences().existing(id)
        .compose(w -> w.queryWithPresence(read))
        .onSuccess(answer::accept)
        .onFailure(e -> {
          if (e instanceof ScopeError) {
            RestApi.fail(ctx, 403, Replies.error(null, "FORBIDDEN", "hosts read their own hall; moderators every hall"));
          } else {
            RestApi.failCause(ctx, e);
          }
        }));
  }

  private Future<Tokens.Claims> claims(RoutingContext ctx) {
    return rest.callerFor(ctx, ctx.pathParam("id"));
  }

  private void list(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String requested = ctx.request().getParam("endpointId");
    String base = RestApi.baseUrl(ctx);
    claims(ctx).onSuccess(c -> read(ctx, (conf, online) -> {
      String ep = scope(conf, c, requested);
      List<DelegateListing> out = new ArrayList<>();
      for (Participant p : conf.listedDelegates(ep)) {
        DelegateDetails d = conf.delegateDetails(p.id()).orElseThrow();
        String code = conf.personalCode(p.id()).orElseThrow();
        Endpoint e = conf.endpoint(p.endpointId()).orElseThrow();
        out.add(new DelegateListing(p.id(), p.displayName(), d.position(), d.unit(), e.id(), e.code(), e.name(),
            d.phone(), d.email(), code, joinUrl(base, id, code), conf.session(p.id()) > 0, conf.markedPresent(p.id()),
            online.test(p.id())));
      }
      return new RestBody.DelegateList(id, out);
    }, body -> RestApi.json(ctx, 200, body)));
  }

  private static String joinUrl(String base, String conferenceId, String code) {
    return base + "/#/join/" + conferenceId + "/" + code;
  }

  /** The listed delegates' invitation cards as a PDF: a page (or more) per hall, built off the event loop. */
  private void cards(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String requested = ctx.request().getParam("endpointId");
    String base = RestApi.baseUrl(ctx);
    claims(ctx).onSuccess(c -> read(ctx, (conf, online) -> {
      String ep = scope(conf, c, requested);
      List<InvitationCards.Hall> halls = new ArrayList<>();
      for (Endpoint e : conf.endpoints()) {
        if (ep != null && !ep.equals(e.id())) continue;
        List<InvitationCards.Card> cards = new ArrayList<>();
        for (Participant p : conf.listedDelegates(e.id())) {
          DelegateDetails d = conf.delegateDetails(p.id()).orElseThrow();
          String code = conf.personalCode(p.id()).orElseThrow();
          cards.add(new InvitationCards.Card(p.displayName(), d.position(), d.unit(), code, joinUrl(base, id, code)));
        }
        if (!cards.isEmpty()) halls.add(new InvitationCards.Hall(e.name(), cards));
      }
      return new InvitationCards.Sheet(conf.info().title(), base, halls);
    }, sheet -> {
      if (sheet.halls().isEmpty()) {
        RestApi.fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no listed delegates to print"
            + (requested == null ? "" : " for endpoint " + requested)));
        return;
      }
      vertx.executeBlocking(() -> {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        InvitationCards.write(sheet, out);
        return out.toByteArray();
      }, false).onSuccess(pdf -> {
        String name = "the-dai-bieu-" + id + (requested == null ? "" : "-" + requested) + ".pdf";
        ctx.response().putHeader("Content-Type", "application/pdf").putHeader("Cache-Control", "no-store")
            .putHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "-") + "\"")
            .end(io.vertx.core.buffer.Buffer.buffer(pdf));
      }).onFailure(e -> RestApi.failCause(ctx, e));
    }));
  }

  /**
   * Per hall: registered (listed delegates and everyone who joined as a delegate), present (connected now, or marked
   * present by the host) and absent; with the people for the halls the caller may see.
   */
  private void attendance(RoutingContext ctx) {
    String requested = ctx.request().getParam("endpointId");
    claims(ctx).onSuccess(c -> read(ctx, (conf, online) -> {
      String ep = scope(conf, c, requested);
      List<AttendanceHall> halls = new ArrayList<>();
      int[] totals = new int[3];
      for (Endpoint e : conf.endpoints()) {
        if (ep != null && !ep.equals(e.id())) continue;
        List<AttendancePerson> people = new ArrayList<>();
        int registered = 0;
        int present = 0;
        for (Participant p : conf.participants()) {
          if (!p.active() || !p.has(Role.DELEGATE) || !e.id().equals(p.endpointId())) continue;
          registered++;
          boolean on = online.test(p.id());
          boolean marked = conf.markedPresent(p.id());
          if (on || marked) present++;
          people.add(new AttendancePerson(p.id(), p.displayName(), conf.delegateDetails(p.id()).isPresent(), on, marked,
              on || marked));
        }
        totals[0] += registered;
        totals[1] += present;
        totals[2] += registered - present;
        halls.add(new AttendanceHall(e.id(), e.code(), e.name(), registered, present, registered - present, people));
      }
      return new RestBody.Attendance(halls, totals[0], totals[1], totals[2]);
    }, body -> RestApi.json(ctx, 200, body)));
  }
}
