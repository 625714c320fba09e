/**
 * A creator's follower history from their saved visits, and the geometry of the small chart that draws it.
 * The numbers are also listed in a table beside the chart, so the chart adds nothing a screen reader misses.
 */
import type { Visit } from '../store/schema';

/** One saved follower count. */
export interface FollowerPoint {
  at: number;
  followers: number;
  /** False when the page showed only an abbreviation ("12.3K"). */
  exact: boolean;
}

/** The known follower counts of the visits, oldest first; visits where the count was not read are left out. */
export function followerPoints(visits: readonly Visit[]): FollowerPoint[] {
  const points: FollowerPoint[] = [];
  for (const visit of visits) {
    const f = visit.followers;
    if (f.status === 'known') points.push({ at: visit.at, followers: f.value, exact: f.exact });
  }
  return points.sort((a, b) => a.at - b.at);
}

/** The chart: an SVG path and the dot positions, within a `width` × `height` box less `pad` on every side. */
export interface ChartGeometry {
  /** An SVG path (`M x y L x y …`), empty for no points. */
  path: string;
  dots: { x: number; y: number; point: FollowerPoint }[];
  /** The smallest and largest follower counts drawn (the bottom and top of the chart). */
  min: number;
  max: number;
}

/**
 * Places the points on the chart: time along x (evenly spaced by date, not by index, so a long gap looks long),
 * followers along y from the smallest to the largest count. One point, or several at the same count, sit in the
 * middle rather than dividing by zero.
 */
export function chartGeometry(points: readonly FollowerPoint[], width: number, height: number, pad = 6): ChartGeometry {
  if (points.length === 0) return { path: '', dots: [], min: 0, max: 0 };
  const first = points[0]!.at;
  const last = points[points.length - 1]!.at;
  const min = Math.min(...points.map((p) => p.followers));
  const max = Math.max(...points.map((p) => p.followers));
  const innerW = Math.max(0, width - 2 * pad);
  const innerH = Math.max(0, height - 2 * pad);
  const round = (n: number) => Math.round(n * 10) / 10;
  const dots = points.map((point) => ({
    x: round(pad + (last === first ? innerW / 2 : ((point.at - first) / (last - first)) * innerW)),
    y: round(pad + (max === min ? innerH / 2 : (1 - (point.followers - min) / (max - min)) * innerH)),
    point,
  }));
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x} ${d.y}`).join(' ');
  return { path, dots, min, max };
}
