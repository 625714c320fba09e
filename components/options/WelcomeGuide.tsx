interface Props {
  /** The sample campaign's name, when it exists, so the guide can point to it. */
  sampleName: string | undefined;
  onDismiss(): void;
}

/** The first-run guide: four steps from a creator's profile to the shortlist. */
export function WelcomeGuide({ sampleName, onDismiss }: Props) {
  return (
    <section class="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Creator Scout</h2>
      <ol class="steps">
        <li>
          <strong>Open a creator’s profile</strong> on Instagram, TikTok, YouTube or X.
        </li>
        <li>
          <strong>Click the Creator Scout icon</strong> in the toolbar. (Pin it from the puzzle-piece menu to keep it in
          view.)
        </li>
        <li>
          <strong>Read the fit score and its reasons</strong>: each line says what the page shows and how it compares
          with your campaign’s goals.
        </li>
        <li>
          <strong>Save the creator to your shortlist</strong> with one click, into the active campaign.
        </li>
      </ol>
      {sampleName && (
        <p class="hint">
          A sample campaign, “{sampleName}”, is set up so the first profile you open already has a score. Edit it below
          or add your own.
        </p>
      )}
      <button type="button" onClick={onDismiss}>
        Got it
      </button>
    </section>
  );
}
