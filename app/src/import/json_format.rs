//! JSON: checked by `serde_json` (its syntax errors carry the line), then walked by a small
//! reader that records the line of every value, which `serde_json::Value` does not keep.
//! Strings are decoded by `serde_json` too, so escapes are handled in one well-tested place.

use super::record::{Record, Sink};
use super::tree::{self, Node, NodeKind};

pub(crate) fn read(text: &str, sink: &mut Sink) -> (Vec<Record>, Option<Record>) {
    if let Err(err) = serde_json::from_str::<serde_json::Value>(text) {
        sink.error(err.line().max(1), None, format!("not valid JSON: {err}"));
        return (Vec::new(), None);
    }
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    match reader.value() {
        Some(root) => tree::records(&root, sink),
        // serde_json accepted it, so this is a bug in the walker, not in the file.
        None => {
            sink.error(reader.line, None, "could not read this JSON");
            (Vec::new(), None)
        }
    }
}

/// Walks text that is already known to be valid JSON.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_space();
        let line = self.line;
        let kind = match self.peek()? {
            b'{' => self.object()?,
            b'[' => self.array()?,
            b'"' => NodeKind::Scalar(Some(self.string()?)),
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n')
                }) {
                    self.pos += 1;
                }
                match self.text.get(start..self.pos)? {
                    "null" => NodeKind::Scalar(None),
                    literal => NodeKind::Scalar(Some(literal.to_owned())),
                }
            }
        };
        Some(Node { line, kind })
    }

    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        self.pos += 1;
        serde_json::from_str(self.text.get(start..self.pos)?).ok()
    }

    fn array(&mut self) -> Option<NodeKind> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.peek()? {
                b']' => {
                    self.pos += 1;
                    return Some(NodeKind::Seq(items));
                }
                b',' => self.pos += 1,
                _ => items.push(self.value()?),
            }
        }
    }

    fn object(&mut self) -> Option<NodeKind> {
        self.pos += 1;
        let mut entries = Vec::new();
        loop {
            self.skip_space();
            match self.peek()? {
                b'}' => {
                    self.pos += 1;
                    return Some(NodeKind::Map(entries));
                }
                b',' => self.pos += 1,
                b'"' => {
                    let line = self.line;
                    let key = self.string()?;
                    self.skip_space();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.pos += 1;
                    entries.push((key, line, self.value()?));
                }
                _ => return None,
            }
        }
    }
}
