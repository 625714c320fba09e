import type { Assessment, Figure, PostAssessment, Rate, Signal } from '../lib/assess';
import type { FitResult } from '../lib/fit';
import { headlineRate } from '../lib/assess/engagement';
import { formatDollars, formatPercent, formatRatio } from '../lib/assess/numbers';

/** Everything the background concluded about a profile, each figure with the working that produced it. */
export function AssessmentView({ assessment }: { assessment: Assessment }) {
  return (
    <div class="assessment">
      <EngagementSection assessment={assessment} />
      <BenchmarkSection assessment={assessment} />
      <SignalsSection signals={assessment.signals} />
      <PriceSection assessment={assessment} />
    </div>
  );
}

/** The glance: tier, headline engagement with its verdict, price. */
export function Summary({ assessment, fit }: { assessment: Assessment; fit?: FitResult }) {
  const { tier, benchmark, price } = assessment;
  const headline = benchmark.headline;
  const rate = headlineRate(assessment.engagement);
  const { viewRate: views } = assessment.engagement;
  const viewRate = views.status === 'ok' && views.mean !== null ? views : undefined;
  return (
    <dl class={`summary${fit ? ' with-fit' : ''}`} aria-label="At a glance">
      {fit && (
        <div>
          <dt>Fit</dt>
          <dd data-testid="fit">
            {fit.disqualified ? '0 · ruled out' : fit.score === null ? '—' : `${fit.score}/100`}
          </dd>
        </div>
      )}
      <div>
        <dt>Tier</dt>
        <dd data-testid="tier">{tier.status === 'known' ? tier.label : 'unknown'}</dd>
      </div>
      <div>
        <dt>Engagement</dt>
        <dd data-testid="engagement">
          {rate ? formatPercent(rate.mean ?? 0) : 'not enough data'}
          {headline?.verdict && <span class={`verdict verdict-${headline.verdict}`}> {headline.verdict}</span>}
          {!rate && viewRate && <span class="verdict"> views {formatPercent(viewRate.mean ?? 0)} of followers</span>}
        </dd>
      </div>
      <div>
        <dt>Price / post</dt>
        <dd data-testid="price">
          {price.status === 'estimated' && price.low !== null && price.high !== null
            ? `${formatDollars(price.low)}–${formatDollars(price.high)}`
            : 'no estimate'}
        </dd>
      </div>
    </dl>
  );
}

function EngagementSection({ assessment }: { assessment: Assessment }) {
  const { engagement, tier } = assessment;
  const rates = [engagement.byFollowers, engagement.likeRate, engagement.byViews, engagement.viewRate];
  return (
    <section aria-labelledby="engagement-heading">
      <h2 id="engagement-heading">Engagement</h2>
      <ul class="rates">
        {rates.map((rate) => (
          <RateItem key={rate.id} rate={rate} />
        ))}
        {engagement.lifetimeLikes && <FigureItem figure={engagement.lifetimeLikes} />}
      </ul>
      {tier.status === 'known' ? (
        <p class="tier-line">
          Tier <strong>{tier.label}</strong>
          {tier.straddle && ` — ${tier.straddle.text}`}. Thresholds:{' '}
          {tier.ranges.map((r) => `${r.tier} ${r.text}`).join(', ')} ({tier.source}).
        </p>
      ) : (
        <p class="tier-line">Tier unknown: {tier.reason}</p>
      )}
    </section>
  );
}

function RateItem({ rate }: { rate: Rate }) {
  const value =
    rate.status === 'ok' && rate.mean !== null && rate.median !== null
      ? `${formatPercent(rate.mean)} mean · ${formatPercent(rate.median)} median (n = ${rate.n})`
      : (rate.reason ?? 'not available');
  return (
    <li class={`rate rate-${rate.status}`} data-rate={rate.id}>
      <details>
        <summary>
          <span class="rate-label">{rate.label}</span> <span class="rate-value">{value}</span>
        </summary>
        <p class="formula">{rate.formula}</p>
        {rate.followers && (
          <p>
            Followers: {rate.followers.text}
            {rate.followers.exact ? ' (exact)' : ' (rounded)'}
          </p>
        )}
        {rate.used.length > 0 && (
          <table class="posts-table">
            <caption>Posts used</caption>
            <thead>
              <tr>
                <th scope="col">Post</th>
                <th scope="col">Counts</th>
                <th scope="col">Rate</th>
              </tr>
            </thead>
            <tbody>
              {rate.used.map((post) => (
                <tr key={post.id}>
                  <td>{post.id}</td>
                  <td>
                    {Object.entries(post.counts)
                      .map(([name, n]) => `${name} ${n.toLocaleString()}`)
                      .join(', ')}
                  </td>
                  <td>{formatPercent(post.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {rate.leftOut.length > 0 && (
          <p>
            Left out: {rate.leftOut.length} {rate.leftOut.length === 1 ? 'post' : 'posts'} (
            {[...new Set(rate.leftOut.map((p) => p.reason))].join('; ')}).
          </p>
        )}
        {rate.notes.map((note) => (
          <p key={note} class="note">
            {note}
          </p>
        ))}
      </details>
    </li>
  );
}

function FigureItem({ figure }: { figure: Figure }) {
  return (
    <li class={`rate rate-${figure.status}`} data-rate={figure.id}>
      <details>
        <summary>
          <span class="rate-label">{figure.label}</span>{' '}
          <span class="rate-value">
            {figure.status === 'ok' && figure.value !== null ? formatPercent(figure.value) : figure.reason}
          </span>
        </summary>
        <p class="formula">{figure.formula}</p>
        <p>{figure.inputs.map((i) => `${i.name} ${i.value.toLocaleString()}`).join(' · ')}</p>
        {figure.notes.map((note) => (
          <p key={note} class="note">
            {note}
          </p>
        ))}
      </details>
    </li>
  );
}

function BenchmarkSection({ assessment }: { assessment: Assessment }) {
  const { benchmark } = assessment;
  const headline = benchmark.headline;
  return (
    <section aria-labelledby="benchmark-heading">
      <h2 id="benchmark-heading">Compared with the tier</h2>
      {headline ? (
        <p data-testid="benchmark">
          {headline.text}
          {headline.ratio !== null && ` (${formatRatio(headline.ratio)})`}
        </p>
      ) : (
        <p data-testid="benchmark">{benchmark.reason}</p>
      )}
      <details>
        <summary>Sources and other benchmarks</summary>
        <ul class="citations">
          {benchmark.comparisons.map((c) => (
            <li key={c.row.id}>{c.citation}</li>
          ))}
        </ul>
        <p class="note">Typical means {benchmark.typicalBand.text}.</p>
        {benchmark.bandNote && <p class="note">{benchmark.bandNote}</p>}
      </details>
    </section>
  );
}

function SignalsSection({ signals }: { signals: Signal[] }) {
  const raised = signals.filter((s) => s.status === 'raised');
  const rest = signals.filter((s) => s.status !== 'raised');
  return (
    <section aria-labelledby="signals-heading">
      <h2 id="signals-heading">Authenticity signals</h2>
      <p class="note">Signs worth a look, from public numbers only — not a verdict.</p>
      {raised.length === 0 ? (
        <p data-testid="signals-none">No warning signs among the checks that could be made.</p>
      ) : (
        <ul class="signals" data-testid="signals">
          {raised.map((s) => (
            <SignalItem key={s.id} signal={s} />
          ))}
        </ul>
      )}
      <details>
        <summary>All {signals.length} checks</summary>
        <ul class="signals">
          {rest.map((s) => (
            <SignalItem key={s.id} signal={s} />
          ))}
        </ul>
      </details>
    </section>
  );
}

function SignalItem({ signal }: { signal: Signal }) {
  const status = { raised: '⚠', clear: '✓', 'not-checked': '–' }[signal.status];
  const statusText = { raised: 'raised', clear: 'clear', 'not-checked': 'not checked' }[signal.status];
  return (
    <li class={`signal signal-${signal.status}`}>
      <span class="signal-status" role="img" aria-label={statusText}>
        {status}
      </span>{' '}
      <strong>{signal.label}</strong>: {signal.reason}{' '}
      <span class="note">
        Threshold: {signal.threshold.text} ({signal.threshold.basis === 'published' ? 'published' : 'our threshold'}
        {signal.threshold.source ? `; ${signal.threshold.source}` : ''}).
      </span>
    </li>
  );
}

function PriceSection({ assessment }: { assessment: Assessment }) {
  const { price } = assessment;
  return (
    <section aria-labelledby="price-heading">
      <h2 id="price-heading">Estimated price per post</h2>
      <p>
        {price.status === 'estimated' && price.low !== null && price.high !== null
          ? `${formatDollars(price.low)} – ${formatDollars(price.high)} (USD)`
          : price.reason}
      </p>
      <details>
        <summary>How this is estimated</summary>
        <p class="formula">{price.formula}</p>
        <ul>
          {price.factors.map((f) => (
            <li key={f.name}>
              {f.name}: {f.text} <span class="note">({f.source})</span>
            </li>
          ))}
        </ul>
        {price.notes.map((note) => (
          <p key={note} class="note">
            {note}
          </p>
        ))}
      </details>
    </section>
  );
}

/** A post page's own engagement figures. */
export function PostAssessmentView({ assessment }: { assessment: PostAssessment }) {
  return (
    <section aria-labelledby="post-engagement-heading">
      <h2 id="post-engagement-heading">This post's engagement</h2>
      <ul class="rates">
        <FigureItem figure={assessment.byViews} />
        <FigureItem figure={assessment.byFollowers} />
      </ul>
    </section>
  );
}
