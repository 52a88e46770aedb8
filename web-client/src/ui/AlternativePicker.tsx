// The reviser's choice of alternative wording (phương án) per group: each group of the current version with the last
// vote's counts on it and its winner; where the vote is tied, had no ballot or there was none, the reviser must pick
// (the server refuses the revision otherwise: docs/api.md, POST …/drafts/revise).
import type { DraftNode } from '../protocol.gen';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { docIndex } from '../state/selectors';

export interface AlternativeGroup {
  group: DraftNode;
  name: string;
  alternatives: DraftNode[];
  counts: Record<string, number> | null;
  winner: string | null;
}

/** Groups of the current version, in reading order, with the last vote on each held on this version. */
export function alternativeGroups(s: ConferenceState): AlternativeGroup[] {
  const idx = docIndex(s);
  const version = s.draft?.version ?? 0;
  const out: AlternativeGroup[] = [];
  for (const n of Object.values(idx.nodes)) {
    const alternatives = (n.children ?? []).filter((c) => c.kind === 'ALTERNATIVE');
    if (alternatives.length === 0) continue;
    let counts: Record<string, number> | null = null;
    for (const id of s.voteOrder) {
      const v = s.votes[id];
      if (v?.draftVersion === version && (v.alternatives?.[n.id ?? ''] ?? []).length > 0) {
        counts = s.tallies[id]?.articles[n.id ?? '']?.alternatives ?? null;
      }
    }
    const article = n.kind === 'CLAUSE' ? idx.nodes[idx.parent[n.id ?? ''] ?? ''] : null;
    const name = n.kind === 'CLAUSE' ? t('vote.clauseOf', { n: n.number ?? '', article: article?.number ?? '' })
      : t('draft.article', { n: n.number ?? '' });
    out.push({ group: n, name, alternatives, counts, winner: counts ? winnerOf(counts) : null });
  }
  return out;
}

/** The alternative with strictly the most ballots, as the server decides it; null on a tie or with none. */
export function winnerOf(counts: Record<string, number>): string | null {
  let best: string | null = null;
  let max = 0;
  let tie = false;
  for (const [id, n] of Object.entries(counts)) {
    if (n > max) {
      best = id;
      max = n;
      tie = false;
    } else if (n === max && max > 0) tie = true;
  }
  return tie ? null : best;
}

export function AlternativePicker(props: { state: ConferenceState; picked: Record<string, string>;
  onPick: (groupId: string, alternativeId: string | null) => void }) {
  const groups = alternativeGroups(props.state);
  if (groups.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="alt-h" data-testid="alternative-picker">
      <h2 id="alt-h" class="section-title">{t('revise.alternatives')}</h2>
      <p class="hint">{t('revise.alternativesHint')}</p>
      {groups.map((g) => {
        const gid = g.group.id ?? '';
        const mustPick = !g.winner && !props.picked[gid];
        return (
          <fieldset key={gid} class="alternative-group" data-testid={`alt-group-${gid}`} data-must-pick={mustPick ? 'true' : 'false'}>
            <legend>{g.name}</legend>
            {mustPick && <p class="notice-inline" role="note">{g.counts ? t('revise.alternativeTie') : t('revise.alternativeNoVote')}</p>}
            {g.alternatives.map((a) => (
              <label key={a.id} class="checkbox">
                <input type="radio" name={`alt-${gid}`} value={a.id ?? ''} data-testid={`pick-${a.id}`}
                  checked={(props.picked[gid] ?? g.winner) === a.id}
                  onChange={() => props.onPick(gid, a.id === g.winner ? null : a.id ?? null)} />
                {t('vote.alternative', { n: a.number ?? '' })}
                {g.counts && ` — ${t('revise.alternativeVotes', { n: g.counts[a.id ?? ''] ?? 0 })}`}
                {g.winner === a.id && <strong> ({t('revise.alternativeWinner')})</strong>}
              </label>
            ))}
          </fieldset>
        );
      })}
    </section>
  );
}
