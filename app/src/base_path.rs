//! The path the app is served under: the site root, or a sub-path such as `/ipmi` behind a
//! reverse proxy (`IPMI_MONITOR_BASE_PATH`).
//!
//! Inside the app every path is written from the app's root (`/events`, `/api/v1/servers`);
//! [`BasePath::url`] turns one into the path a browser must request. Links made by the router's
//! `<A>` get the prefix from the router itself; everything else (plain links, form actions,
//! server-function calls, the websocket, redirects, the cookie path) goes through this type, so
//! one setting moves the whole app.

use std::fmt;
use std::sync::Arc;

use leptos::prelude::use_context;

/// The name of the `<meta>` element that tells the browser build the base path.
pub const BASE_PATH_META: &str = "ipmi-monitor-base-path";

/// `""` for the site root, else a path like `/ipmi` (leading slash, no trailing slash).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BasePath(Arc<str>);

/// Why a configured base path was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasePathError {
    #[error("must start with '/', e.g. /ipmi")]
    NotAbsolute,
    #[error("may hold only letters, digits, '-', '_', '.', '~' and '/' (got {0:?})")]
    BadCharacter(char),
    #[error("has an empty, '.' or '..' segment")]
    BadSegment,
}

impl BasePath {
    /// The site root.
    pub fn root() -> Self {
        Self::default()
    }

    /// Reads a configured base path. `""` and `"/"` are the root; one trailing slash is
    /// dropped (`/ipmi/` is `/ipmi`).
    pub fn parse(text: &str) -> Result<Self, BasePathError> {
        let text = text.trim();
        if text.is_empty() || text == "/" {
            return Ok(Self::root());
        }
        let Some(rest) = text.strip_prefix('/') else {
            return Err(BasePathError::NotAbsolute);
        };
        if let Some(bad) = rest
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '/')))
        {
            return Err(BasePathError::BadCharacter(bad));
        }
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest
            .split('/')
            .any(|segment| segment.is_empty() || segment == "." || segment == "..")
        {
            return Err(BasePathError::BadSegment);
        }
        Ok(Self(format!("/{rest}").into()))
    }

    /// `""` or `/ipmi`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The browser's path for `path`, an app path starting with `/` (its query and fragment
    /// are kept): `/events?x=1` becomes `/ipmi/events?x=1`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The app path of a request path under this base: `/ipmi/events` → `/events`, and both
    /// `/ipmi` and `/ipmi/` → `/`. `None` for a path outside the base (`/ipmix`, `/events`).
    pub fn strip<'a>(&self, path: &'a str) -> Option<&'a str> {
        if self.is_root() {
            return Some(path);
        }
        match path.strip_prefix(self.as_str())? {
            "" => Some("/"),
            rest if rest.starts_with('/') => Some(rest),
            _ => None,
        }
    }

    /// The `Path` attribute of cookies: only this app's requests carry them.
    pub fn cookie_path(&self) -> &str {
        if self.is_root() { "/" } else { self.as_str() }
    }
}

impl fmt::Display for BasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cookie_path())
    }
}

/// The base path of this render (provided at the root on the server and in the browser);
/// the site root when none was provided.
pub fn use_base_path() -> BasePath {
    use_context::<BasePath>().unwrap_or_default()
}

/// [`BasePath::url`] with this render's base path: for links, form actions and fetches.
pub fn app_url(path: &str) -> String {
    use_base_path().url(path)
}

/// The base path the server wrote into the page's `<meta>` (browser only).
#[cfg(feature = "hydrate")]
pub fn from_document() -> BasePath {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(&format!("meta[name=\"{BASE_PATH_META}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|text| BasePath::parse(&text).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_and_sub_paths_are_read() {
        assert_eq!(BasePath::parse("").unwrap(), BasePath::root());
        assert_eq!(BasePath::parse("/").unwrap(), BasePath::root());
        assert_eq!(BasePath::parse("/ipmi").unwrap().as_str(), "/ipmi");
        assert_eq!(BasePath::parse(" /ipmi/ ").unwrap().as_str(), "/ipmi");
        assert_eq!(
            BasePath::parse("/tools/ipmi-1.0").unwrap().as_str(),
            "/tools/ipmi-1.0"
        );
    }

    #[test]
    fn unsafe_base_paths_are_refused() {
        assert_eq!(BasePath::parse("ipmi"), Err(BasePathError::NotAbsolute));
        assert_eq!(
            BasePath::parse("/ip mi"),
            Err(BasePathError::BadCharacter(' '))
        );
        assert_eq!(
            BasePath::parse("/a\"b"),
            Err(BasePathError::BadCharacter('"'))
        );
        assert_eq!(
            BasePath::parse("/a?b"),
            Err(BasePathError::BadCharacter('?'))
        );
        assert_eq!(
            BasePath::parse("//evil.example"),
            Err(BasePathError::BadSegment)
        );
        assert_eq!(BasePath::parse("/a/../b"), Err(BasePathError::BadSegment));
    }

    #[test]
    fn app_paths_move_under_the_base() {
        let base = BasePath::parse("/ipmi").unwrap();
        assert_eq!(base.url("/events?x=1"), "/ipmi/events?x=1");
        assert_eq!(base.url("/"), "/ipmi/");
        assert_eq!(base.strip("/ipmi/events"), Some("/events"));
        assert_eq!(base.strip("/ipmi/"), Some("/"));
        assert_eq!(base.strip("/ipmi"), Some("/"));
        assert_eq!(base.strip("/ipmix/events"), None);
        assert_eq!(base.strip("/events"), None);
        assert_eq!(base.cookie_path(), "/ipmi");
        let root = BasePath::root();
        assert_eq!(root.url("/events"), "/events");
        assert_eq!(root.strip("/events"), Some("/events"));
        assert_eq!(root.cookie_path(), "/");
    }
}
