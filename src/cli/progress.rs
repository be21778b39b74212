//! Progress of long work on stderr: a bar on a terminal, plain lines in a
//! log, nothing with `--quiet`.
//!
//! A batch job's log (Slurm, nohup, `2> log`) is not a terminal, and an
//! indicatif bar draws nothing there; researchers still need to see where a
//! study is. So when stderr is not a terminal, a plain line is written each
//! time another tenth of the work is done (at most one every
//! [`MIN_LINE_GAP`], so a fast study does not flood the log), and at least
//! every [`HEARTBEAT`] while it is slow, always with done/total, rate and
//! ETA.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use tillit::experiment::Options;

/// Shortest gap between two plain progress lines (the last line excepted).
const MIN_LINE_GAP: Duration = Duration::from_secs(2);

/// Longest silence in a log while work goes on.
const HEARTBEAT: Duration = Duration::from_secs(60);

/// Shows the progress of `total` runs; see the module docs.
pub struct Progress {
    display: Display,
}

enum Display {
    Hidden,
    Bar(ProgressBar),
    Lines(Arc<Mutex<LineLog>>),
}

/// Starts showing progress over `total` runs on stderr, and returns the
/// experiment options that move it, with `jobs` worker threads.
pub fn start(total: u64, quiet: bool, jobs: Option<u32>) -> (Progress, Options) {
    let display = if quiet || total == 0 {
        Display::Hidden
    } else if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {bar:40} {pos}/{len} runs  {elapsed} elapsed, ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Display::Bar(bar)
    } else {
        Display::Lines(Arc::new(Mutex::new(LineLog::new(total))))
    };
    let update: Option<Box<dyn Fn(usize, usize) + Send + Sync>> = match &display {
        Display::Hidden => None,
        Display::Bar(bar) => {
            let bar = bar.clone();
            Some(Box::new(move |done, _| bar.set_position(done as u64)))
        }
        Display::Lines(log) => {
            let log = Arc::clone(log);
            Some(Box::new(move |done, _| {
                let line = log
                    .lock()
                    .ok()
                    .and_then(|mut log| log.update(done as u64, Instant::now()));
                write_line(line);
            }))
        }
    };
    let options = Options {
        threads: jobs.map(|j| j as usize),
        progress: update,
    };
    (Progress { display }, options)
}

impl Progress {
    /// Clears the bar; in a log, writes the last line if it is not there yet.
    pub fn finish(&self) {
        match &self.display {
            Display::Hidden => {}
            Display::Bar(bar) => bar.finish_and_clear(),
            Display::Lines(log) => {
                write_line(
                    log.lock()
                        .ok()
                        .and_then(|mut log| log.finish(Instant::now())),
                );
            }
        }
    }
}

/// The state of plain progress lines.
struct LineLog {
    total: u64,
    started: Instant,
    done: u64,
    /// Tenths of the work reported so far.
    tenths_shown: u64,
    last_line: Option<Instant>,
}

impl LineLog {
    fn new(total: u64) -> Self {
        Self {
            total,
            started: Instant::now(),
            done: 0,
            tenths_shown: 0,
            last_line: None,
        }
    }

    /// The line to write, if one is due. Runs finish on many threads, so
    /// counts can arrive out of order: the largest seen is the progress.
    fn update(&mut self, done: u64, now: Instant) -> Option<String> {
        self.done = self.done.max(done);
        let tenths = self.done * 10 / self.total.max(1);
        let since = now.duration_since(self.last_line.unwrap_or(self.started));
        let complete = self.done >= self.total;
        let due = (tenths > self.tenths_shown && (since >= MIN_LINE_GAP || complete))
            || since >= HEARTBEAT;
        due.then(|| self.line(now))
    }

    /// The last line, unless it was written already.
    fn finish(&mut self, now: Instant) -> Option<String> {
        (self.tenths_shown < 10).then(|| {
            self.done = self.total;
            self.line(now)
        })
    }

    fn line(&mut self, now: Instant) -> String {
        self.tenths_shown = self.done * 10 / self.total.max(1);
        self.last_line = Some(now);
        progress_line(self.done, self.total, now.duration_since(self.started))
    }
}

fn write_line(line: Option<String>) {
    if let Some(line) = line {
        // A closed stderr must not stop the work.
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

/// One plain progress line: done/total, percent, elapsed, rate and ETA.
fn progress_line(done: u64, total: u64, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        done as f64 / seconds
    } else {
        0.0
    };
    // Slow studies (a run a minute) read better per minute than as 0.0/s.
    let rate_text = if rate >= 1.0 || rate == 0.0 {
        format!("{rate:.1} runs/s")
    } else {
        format!("{:.1} runs/min", rate * 60.0)
    };
    let eta = if done >= total {
        "done".to_owned()
    } else if rate > 0.0 {
        format!("ETA {}", clock((total - done) as f64 / rate))
    } else {
        "ETA unknown".to_owned()
    };
    format!(
        "progress: {done}/{total} runs ({:.0}%), {} elapsed, {rate_text}, {eta}",
        100.0 * done as f64 / total.max(1) as f64,
        clock(seconds),
    )
}

/// Seconds as `1h02m03s`, `2m03s` or `3s`.
fn clock(seconds: f64) -> String {
    let s = seconds.round() as u64;
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m{s:02}s"),
        (h, m, s) => format!("{h}h{m:02}m{s:02}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_come_at_tenths_no_faster_than_the_gap_and_end_complete() {
        let mut log = LineLog::new(100);
        let t0 = log.started;
        let at = |s: u64| t0 + Duration::from_secs(s);
        assert_eq!(log.update(5, at(10)), None, "no tenth done yet");
        assert!(log.update(12, at(11)).is_some_and(|l| l.contains("12/100")));
        assert_eq!(log.update(25, at(12)), None, "within the minimum gap");
        assert!(log.update(26, at(14)).is_some_and(|l| l.contains("26/100")));
        // Out-of-order counts from other threads do not move it back.
        assert_eq!(log.update(20, at(20)), None);
        assert_eq!(log.done, 26);
        // A slow stretch still shows a heartbeat line.
        let heartbeat = 14 + HEARTBEAT.as_secs();
        assert!(
            log.update(27, at(heartbeat))
                .is_some_and(|l| l.contains("27/100"))
        );
        // The last line is never held back, and written once.
        assert!(
            log.update(100, at(heartbeat + 1))
                .is_some_and(|l| l.contains("100/100"))
        );
        assert_eq!(log.finish(at(heartbeat + 2)), None);
    }

    #[test]
    fn finishing_early_writes_the_complete_line() {
        let mut log = LineLog::new(10);
        let now = log.started + Duration::from_secs(1);
        assert!(
            log.finish(now)
                .is_some_and(|l| l.contains("10/10 runs (100%)"))
        );
    }

    #[test]
    fn a_line_says_done_total_rate_and_eta() {
        assert_eq!(
            progress_line(30, 120, Duration::from_secs(60)),
            "progress: 30/120 runs (25%), 1m00s elapsed, 30.0 runs/min, ETA 3m00s"
        );
        assert_eq!(
            progress_line(120, 120, Duration::from_secs(3725)),
            "progress: 120/120 runs (100%), 1h02m05s elapsed, 1.9 runs/min, done"
        );
    }
}
