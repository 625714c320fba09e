import type { Visit } from '../../lib/store';
import { chartGeometry, followerPoints } from '../../lib/shortlist/history';
import { fullDate, shortDate } from '../../lib/shortlist/time';
import { formatCount } from '../format';

const WIDTH = 280;
const HEIGHT = 90;

interface Props {
  /** The creator's visits, oldest first; undefined while loading. */
  visits: readonly Visit[] | undefined;
  /** Set when they could not be loaded. */
  error?: string;
}

/**
 * Followers over the saved visits: a small line chart, and the same numbers in a table (the chart is an image to
 * assistive technology; the table is what it reads).
 */
export function HistoryChart({ visits, error }: Props) {
  if (error) return <p class="error-text">The history could not be loaded: {error}</p>;
  if (!visits) return <p aria-busy="true">Loading the history…</p>;
  const points = followerPoints(visits);
  if (points.length === 0) {
    return (
      <p class="muted">
        {visits.length === 0
          ? 'No visits saved yet.'
          : `${visits.length} saved ${visits.length === 1 ? 'visit' : 'visits'}, none with a follower count.`}
      </p>
    );
  }
  const chart = chartGeometry(points, WIDTH, HEIGHT);
  const first = points[0]!;
  const latest = points[points.length - 1]!;
  const summary =
    points.length === 1
      ? `${formatCount(first.followers)} followers on ${fullDate(first.at)}, the only visit with a count.`
      : `Followers from ${formatCount(first.followers)} (${fullDate(first.at)}) to ${formatCount(latest.followers)} (${fullDate(latest.at)}) over ${points.length} visits.`;
  return (
    <figure class="history">
      <svg
        class="history-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={summary}
      >
        <line class="axis" x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
        {chart.dots.length > 1 && <path class="line" d={chart.path} fill="none" />}
        {chart.dots.map((d) => (
          <circle key={d.point.at} class={d.point.exact ? 'dot' : 'dot approx'} cx={d.x} cy={d.y} r={3} />
        ))}
      </svg>
      <figcaption class="muted">
        {chart.min === chart.max
          ? `${formatCount(chart.max)} followers`
          : `${formatCount(chart.min)} – ${formatCount(chart.max)} followers`}
        {points.some((p) => !p.exact) && ' · hollow dots: abbreviated counts'}
      </figcaption>
      <div class="history-table-wrap" tabIndex={0} role="region" aria-label="Follower counts by visit">
        <table class="history-table">
          <caption class="sr-only">Follower count at each saved visit, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Visit</th>
              <th scope="col">Followers</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => {
              const before = points[i - 1];
              const delta = before ? p.followers - before.followers : undefined;
              return (
                <tr key={p.at}>
                  <td>
                    <time dateTime={new Date(p.at).toISOString()}>{shortDate(p.at)}</time>
                  </td>
                  <td class="num">
                    {p.exact ? '' : '≈'}
                    {formatCount(p.followers)}
                  </td>
                  <td class="num">
                    {delta === undefined
                      ? ''
                      : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatCount(Math.abs(delta))}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
