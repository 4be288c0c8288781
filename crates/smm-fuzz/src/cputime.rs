//! Processor time, as Linux counts it in `/proc`: what the watchdog and the
//! time bounds count, so that a fuzzer at the lowest priority, waiting for the
//! processor beside a build, is not taken for a slow reader.

use std::time::Duration;

/// The processor time this process has used (user and system), from
/// `/proc/self/stat`; `None` where that file is not (the watchdog then counts
/// the time on the clock).
pub fn process_cpu_time() -> Option<Duration> {
    cpu_time(&std::fs::read_to_string("/proc/self/stat").ok()?)
}

/// The processor time the calling thread has used, from
/// `/proc/thread-self/stat`; `None` where that file is not.
pub fn thread_cpu_time() -> Option<Duration> {
    cpu_time(&std::fs::read_to_string("/proc/thread-self/stat").ok()?)
}

/// The user and system time of a `/proc/.../stat` line, in clock ticks of
/// 10 ms (Linux's 100 a second).
fn cpu_time(stat: &str) -> Option<Duration> {
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split(' ').skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn the_user_and_system_ticks_are_read_after_a_command_name_with_spaces() {
        let line = "4242 (smm fuzz) R 1 4242 4242 0 -1 4194304 900 0 0 0 1234 56 0 0 39 19 2 0 99 0 0";
        assert_eq!(cpu_time(line), Some(Duration::from_millis((1234 + 56) * 10)));
        assert_eq!(cpu_time("4242 (smm fuzz) R 1 2"), None);
        assert_eq!(cpu_time("no parentheses"), None);
    }

    /// This thread's own time: the other tests run beside it in the process.
    #[test]
    fn processor_time_grows_with_work_and_not_with_sleep() {
        let Some(t0) = thread_cpu_time() else { return };
        std::thread::sleep(Duration::from_millis(300));
        let slept = thread_cpu_time().expect("read again").saturating_sub(t0);
        assert!(slept < Duration::from_millis(100), "sleeping used {slept:?}");
        let t1 = thread_cpu_time().expect("read again");
        let start = Instant::now();
        let mut x = 0u64;
        while start.elapsed() < Duration::from_millis(400) {
            x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        }
        let worked = thread_cpu_time().expect("read again").saturating_sub(t1);
        assert!(worked >= Duration::from_millis(100), "400 ms of work counted as {worked:?}");
        assert!(process_cpu_time().expect("the process's time") >= worked);
    }
}
