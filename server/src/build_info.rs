//! What was built, from where and when: `/api/version`, `/health` and `ipmi-monitor version`.

use serde::Serialize;

/// Version and provenance of this binary, fixed at compile time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BuildInfo {
    pub version: &'static str,
    pub git_commit: &'static str,
    pub git_branch: &'static str,
    pub build_time: &'static str,
}

/// The top-level `VERSION` file; `APP_VERSION` at build time overrides it (release tags).
const VERSION_FILE: &str = include_str!("../../VERSION");

impl BuildInfo {
    pub fn current() -> Self {
        Self {
            version: option_env!("APP_VERSION")
                .filter(|v| !v.is_empty())
                .unwrap_or(VERSION_FILE.trim()),
            git_commit: non_empty(option_env!("GIT_COMMIT")),
            git_branch: non_empty(option_env!("GIT_BRANCH")),
            build_time: non_empty(option_env!("BUILD_TIME")),
        }
    }
}

fn non_empty(value: Option<&'static str>) -> &'static str {
    value.filter(|v| !v.is_empty()).unwrap_or("unknown")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_comes_from_the_version_file_unless_overridden() {
        let info = BuildInfo::current();
        match option_env!("APP_VERSION").filter(|v| !v.is_empty()) {
            Some(v) => assert_eq!(info.version, v),
            None => assert_eq!(info.version, VERSION_FILE.trim()),
        }
        assert!(!info.version.is_empty());
    }
}
