import { CSV_COLUMNS } from '../../lib/store/csv';

/** The CSV's documented column set, shown on the shortlist page under "What the CSV columns mean". */
export function CsvColumns() {
  return (
    <dl>
      {CSV_COLUMNS.map((c) => (
        <div key={c.id}>
          <dt>{c.header}</dt>
          <dd>{c.description}</dd>
        </div>
      ))}
    </dl>
  );
}
