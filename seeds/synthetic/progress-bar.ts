// SYNTHETIC — the terminal progress bar of `oversight seed --synthetic`.
import cliProgress from 'cli-progress';

/** A progress bar on stderr showing events written, events/s and the time left. */
export function eventsProgressBar(): {
  update: (written: number, planned: number) => void;
  stop: () => void;
} {
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format:
        'synthetic {bar} {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  const rate = (written: number) =>
    Math.round(written / Math.max(0.001, (performance.now() - started) / 1000));
  return {
    update(written, planned) {
      if (!begun) {
        bar.start(planned, 0, { rate: 0 });
        begun = true;
      }
      bar.setTotal(planned);
      bar.update(written, { rate: rate(written) });
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
