import type { MeetingPack } from '../views/meeting-pack.js';
import { packCsvRows, sectionTotals } from './pack-csv.js';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place in HTML. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => escapes[c] as string);
}

const words = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();

function countsTable(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(words(k))}</th><td class="n">${v}</td></tr>`)
    .join('');
  return `<table class="counts"><caption>${escapeHtml(title)}</caption>${rows}</table>`;
}

/** The meeting pack as a printable page: the same content as the JSON, in sections. */
export function renderPackHtml(pack: MeetingPack): string {
  const { meeting, ledger, labels } = pack;
  const rows = packCsvRows(pack);
  const sections = [...new Set(rows.map((r) => r.section))];
  const banner = [
    labels.illustrative
      ? '<p class="label">Contains illustrative scenario data (marked ✱), not real events.</p>'
      : '',
    labels.synthetic ? '<p class="label">Contains synthetic benchmark data, not real events.</p>' : '',
  ].join('');
  const totals = sectionTotals(pack);
  const lists = sections
    .map((section) => {
      const listed = rows.filter((r) => r.section === section);
      const items = listed
        .map(
          (r) =>
            `<tr><td>${escapeHtml(r.on ?? '')}</td><td>${escapeHtml(r.unit)}</td><td>${escapeHtml(r.answeringUnit)}</td>` +
            `<td>${escapeHtml(r.detail)}${r.scenario ? ' ✱' : ''}</td></tr>`,
        )
        .join('');
      const total = totals.get(section) ?? listed.length;
      const more =
        total > listed.length
          ? `<p>The first ${listed.length} of ${total}; the CSV export (format=csv) lists every one.</p>`
          : '';
      return `<section><h2>${escapeHtml(section)} (${total})</h2>
<table><thead><tr><th>Date</th><th>Unit</th><th>Answering now</th><th>Detail</th></tr></thead><tbody>${items}</tbody></table>${more}</section>`;
    })
    .join('\n');
  const scope = meeting.scope ? ` — ${escapeHtml(meeting.scope.name)}` : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Meeting pack ${escapeHtml(meeting.at)}${scope}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
table.counts{width:auto;display:inline-table;margin-right:1.5rem}td.n{text-align:right}caption{font-weight:bold;text-align:left}
.label{border:2px solid #b45309;padding:.5rem;font-weight:bold}.ledger{font-family:monospace;font-size:.85rem}
@media print{body{margin:0}section{break-inside:avoid}}
</style></head><body>
<h1>Meeting pack for ${escapeHtml(meeting.at)}${scope}</h1>
<p>How things stood on the morning of ${escapeHtml(meeting.at)}, and what changed from ${escapeHtml(meeting.since)}.</p>
<p class="ledger">As known at ledger position ${ledger.position} (recorded ${escapeHtml(ledger.recordedAt)}), head hash ${escapeHtml(ledger.headHash)}</p>
${banner}
${countsTable('Tasks', pack.state.tasks)}${countsTable('Shortcomings', pack.state.shortcomings)}
${countsTable('Since the last meeting', {
  tasksCompletedOnTime: pack.changes.tasksCompleted.onTime,
  tasksCompletedLate: pack.changes.tasksCompleted.late,
  monthlyReportsOnTime: pack.changes.monthlyReports.onTime,
  monthlyReportsLate: pack.changes.monthlyReports.late.total,
  monthlyReportsMissing: pack.changes.monthlyReports.missing.total,
})}
${lists || '<p>Nothing changed in this period.</p>'}
</body></html>
`;
}
