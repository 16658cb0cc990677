//! Inbound session sequence numbers (IPMI v2.0 section 6.12.13): a packet is accepted once,
//! and only if it is newer than, or within 32 of, the newest one seen. Duplicates (a BMC
//! answering a retried request twice) and replays are dropped.

#[derive(Debug, Clone, Default)]
pub struct SeqWindow {
    highest: u32,
    /// Bit i set = `highest - i` was seen.
    seen: u32,
    started: bool,
}

const WINDOW: u32 = 32;

impl SeqWindow {
    /// Records `seq` and says whether it is fresh.
    pub fn accept(&mut self, seq: u32) -> bool {
        if !self.started {
            self.started = true;
            self.highest = seq;
            self.seen = 1;
            return true;
        }
        if seq > self.highest {
            let shift = seq - self.highest;
            self.seen = if shift >= WINDOW {
                0
            } else {
                self.seen << shift
            };
            self.seen |= 1;
            self.highest = seq;
            return true;
        }
        let back = self.highest - seq;
        if back >= WINDOW || self.seen & (1 << back) != 0 {
            return false;
        }
        self.seen |= 1 << back;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_rules() {
        let mut w = SeqWindow::default();
        assert!(w.accept(5));
        assert!(!w.accept(5), "duplicate");
        assert!(w.accept(7));
        assert!(w.accept(6), "late but inside the window");
        assert!(!w.accept(6));
        assert!(w.accept(100));
        assert!(!w.accept(60), "too old");
        assert!(w.accept(90));
    }
}
