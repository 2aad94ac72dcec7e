/** Every column SHOW JOB returned on this version, in its order: nothing hidden, nothing renamed. */
export function JobColumnsTable({ columns, raw }: { columns: string[]; raw: Record<string, unknown> }) {
  const show = (v: unknown) => {
    if (v === null || v === undefined) return '—';
    if (v === '') return '(empty)';
    if (Array.isArray(v)) return v.length === 0 ? '{}' : v.map(String).join('\n');
    return String(v);
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table data-testid="job-columns" className="w-full text-sm">
        <caption className="sr-only">Every column SHOW JOB returned</caption>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
          {columns.map((c) => (
            <tr key={c}>
              <th scope="row" className="w-44 px-3 py-1.5 text-left align-top font-mono text-xs font-medium whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                {c}
              </th>
              <td className="px-3 py-1.5 font-mono text-xs break-all whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">{show(raw[c])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
