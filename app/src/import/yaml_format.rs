//! YAML, read from the parser's events rather than through serde so that every value keeps
//! its line (errors point at the line to fix) and its text as written (a plain `0123`
//! password is not turned into the number 123). Anchors, aliases and merge keys work;
//! alias expansion is bounded so a "billion laughs" file cannot exhaust memory.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

use super::record::{Record, Sink};
use super::tree::{self, Node, NodeKind};

/// More nodes than any server list has, far fewer than an alias bomb makes.
const MAX_NODES: usize = 1_000_000;

pub(crate) fn read(text: &str, sink: &mut Sink) -> (Vec<Record>, Option<Record>) {
    match parse_tree(text) {
        Ok(Some(root)) => tree::records(&root, sink),
        Ok(None) => (Vec::new(), None),
        Err((line, message)) => {
            sink.error(line, None, message);
            (Vec::new(), None)
        }
    }
}

/// A collection being built.
enum Frame {
    Seq {
        anchor: usize,
        line: usize,
        items: Vec<Node>,
    },
    Map {
        anchor: usize,
        line: usize,
        entries: Vec<(String, usize, Node)>,
        key: Option<(String, usize)>,
    },
}

type ParseError = (usize, String);

/// The document's tree, `None` for an empty document.
pub(crate) fn parse_tree(text: &str) -> Result<Option<Node>, ParseError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut nodes = 0usize;
    let mut documents = 0;
    let mut root = None;
    loop {
        let (event, mark) = parser.next_token().map_err(|err| {
            let line = err.marker().line().max(1);
            (line, format!("not valid YAML: {}", err.info()))
        })?;
        let line = mark.line().max(1);
        let node = match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err((line, "only one YAML document is supported".to_owned()));
                }
                continue;
            }
            Event::Scalar(value, style, anchor, _tag) => {
                let null = style == TScalarStyle::Plain
                    && matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL");
                let node = Node {
                    line,
                    kind: NodeKind::Scalar((!null).then_some(value)),
                };
                remember(&mut anchors, anchor, &node);
                node
            }
            Event::Alias(id) => {
                let (node, size) = anchors
                    .get(&id)
                    .ok_or_else(|| (line, "alias to an unknown anchor".to_owned()))?;
                nodes += size;
                if nodes > MAX_NODES {
                    return Err((line, "too many nodes after expanding aliases".to_owned()));
                }
                node.clone()
            }
            Event::SequenceStart(anchor, _) => {
                stack.push(Frame::Seq {
                    anchor,
                    line,
                    items: Vec::new(),
                });
                continue;
            }
            Event::MappingStart(anchor, _) => {
                stack.push(Frame::Map {
                    anchor,
                    line,
                    entries: Vec::new(),
                    key: None,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (anchor, node) = match stack.pop() {
                    Some(Frame::Seq {
                        anchor,
                        line,
                        items,
                    }) => (
                        anchor,
                        Node {
                            line,
                            kind: NodeKind::Seq(items),
                        },
                    ),
                    Some(Frame::Map {
                        anchor,
                        line,
                        entries,
                        ..
                    }) => (
                        anchor,
                        Node {
                            line,
                            kind: NodeKind::Map(entries),
                        },
                    ),
                    None => return Err((line, "unbalanced YAML".to_owned())),
                };
                remember(&mut anchors, anchor, &node);
                node
            }
            _ => continue,
        };
        nodes += 1;
        if nodes > MAX_NODES {
            return Err((line, "too many nodes".to_owned()));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some((name, key_line)) => entries.push((name, key_line, node)),
                None => match node.kind {
                    NodeKind::Scalar(text) => *key = Some((text.unwrap_or_default(), node.line)),
                    _ => return Err((node.line, "a key must be text".to_owned())),
                },
            },
        }
    }
    Ok(root)
}

fn remember(anchors: &mut HashMap<usize, (Node, usize)>, anchor: usize, node: &Node) {
    if anchor > 0 {
        anchors.insert(anchor, (node.clone(), size(node)));
    }
}

fn size(node: &Node) -> usize {
    1 + match &node.kind {
        NodeKind::Scalar(_) => 0,
        NodeKind::Seq(items) => items.iter().map(size).sum(),
        NodeKind::Map(entries) => entries.iter().map(|(_, _, n)| 1 + size(n)).sum(),
    }
}
