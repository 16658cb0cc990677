//! JSON and YAML share one shape: a document tree whose every node knows its line. The
//! readers build it; this file turns it into records (`servers` list, `defaults` block).

use super::record::{Record, Sink};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    /// 1-based line where the node starts.
    pub line: usize,
    pub kind: NodeKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NodeKind {
    /// Text exactly as written (numbers too, so a password `0123` stays `0123`); `None` for
    /// null.
    Scalar(Option<String>),
    Seq(Vec<Node>),
    /// Keys are scalars; their text and line.
    Map(Vec<(String, usize, Node)>),
}

/// Top-level keys of the Python tool's full configuration export (`/api/config/export`)
/// that are not about servers; skipped with a warning so such a file still imports.
const PYTHON_EXPORT_KEYS: &[&str] = &[
    "export_version",
    "exported_at",
    "app_name",
    "settings",
    "ssh_keys",
    "alert_rules",
    "users",
    "ai_config",
    "notification_settings",
];

/// Records and the defaults block from a document: a list of servers, or a mapping with
/// `servers:` and optionally `defaults:`.
pub(crate) fn records(root: &Node, sink: &mut Sink) -> (Vec<Record>, Option<Record>) {
    match &root.kind {
        NodeKind::Seq(items) => (servers(items, sink), None),
        NodeKind::Map(entries) => {
            let mut found = None;
            let mut defaults = None;
            for (key, line, value) in entries {
                match key.trim().to_ascii_lowercase().as_str() {
                    "servers" => match &value.kind {
                        NodeKind::Seq(items) => found = Some(servers(items, sink)),
                        NodeKind::Scalar(None) => found = Some(Vec::new()),
                        _ => sink.error(*line, Some(key), "must be a list of servers"),
                    },
                    "defaults" => match &value.kind {
                        NodeKind::Map(_) => defaults = Some(record(value, sink)),
                        NodeKind::Scalar(None) => {}
                        _ => sink.error(*line, Some(key), "must be a mapping of settings"),
                    },
                    other if PYTHON_EXPORT_KEYS.contains(&other) => sink.python_only(key, *line),
                    _ => sink.error(
                        *line,
                        Some(key),
                        "unknown key (expected servers and defaults)",
                    ),
                }
            }
            if found.is_none() {
                sink.error(
                    root.line,
                    Some("servers"),
                    "missing (expected a 'servers' list)",
                );
            }
            (found.unwrap_or_default(), defaults)
        }
        NodeKind::Scalar(None) => (Vec::new(), None),
        NodeKind::Scalar(Some(_)) => {
            sink.error(
                root.line,
                None,
                "expected a list of servers or a 'servers' list",
            );
            (Vec::new(), None)
        }
    }
}

fn servers(items: &[Node], sink: &mut Sink) -> Vec<Record> {
    items
        .iter()
        .filter_map(|item| match item.kind {
            NodeKind::Map(_) => Some(record(item, sink)),
            _ => {
                sink.error(item.line, None, "expected a server (a mapping of settings)");
                None
            }
        })
        .collect()
}

/// One mapping as a record. `tags` may be a list; every other value must be a scalar.
/// YAML merge keys (`<<: *common`) fill in what the mapping does not set itself.
fn record(node: &Node, sink: &mut Sink) -> Record {
    let mut record = Record::new(node.line);
    fill(&mut record, node, sink);
    record
}

fn fill(record: &mut Record, node: &Node, sink: &mut Sink) {
    let NodeKind::Map(entries) = &node.kind else {
        return;
    };
    let mut merges = Vec::new();
    for (key, line, value) in entries {
        if key == "<<" {
            match &value.kind {
                NodeKind::Map(_) => merges.push(value),
                NodeKind::Seq(items) => merges.extend(items.iter()),
                NodeKind::Scalar(_) => sink.error(*line, Some(key), "must merge a mapping"),
            }
            continue;
        }
        let text = match &value.kind {
            NodeKind::Scalar(text) => text.clone().unwrap_or_default(),
            NodeKind::Seq(items) if key.trim().eq_ignore_ascii_case("tags") => {
                let mut tags = Vec::new();
                for item in items {
                    match &item.kind {
                        NodeKind::Scalar(Some(tag)) => tags.push(tag.clone()),
                        NodeKind::Scalar(None) => {}
                        _ => sink.error(item.line, Some(key), "a tag must be text"),
                    }
                }
                tags.join(",")
            }
            _ => {
                sink.error(*line, Some(key), "must be a single value");
                continue;
            }
        };
        record.push(key, &text, *line, sink);
    }
    for merged in merges {
        let mut inner = Record::new(merged.line);
        fill(&mut inner, merged, sink);
        for value in inner.values {
            if record.get(value.field).is_none() {
                record.values.push(value);
            }
        }
    }
}
