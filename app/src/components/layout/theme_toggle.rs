use leptos::prelude::*;

/// Switches between the light and dark theme and remembers the choice in local storage.
/// Before hydration the CSS follows the system preference.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    // `None` until the browser tells us which theme is in effect.
    let theme = RwSignal::new(None::<Theme>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| theme.set(Some(browser::current_theme())));

    let toggle = move |_| {
        let next = theme.get_untracked().unwrap_or(Theme::Light).other();
        theme.set(Some(next));
        #[cfg(feature = "hydrate")]
        browser::apply_theme(next);
    };

    view! {
        <button
            id="theme-toggle"
            class="theme-toggle"
            type="button"
            on:click=toggle
            data-theme=move || theme.get().map(Theme::as_str).unwrap_or("system")
            aria-label="Switch between light and dark theme"
        >
            {move || match theme.get() {
                Some(Theme::Dark) => "☀ Light",
                Some(Theme::Light) => "☾ Dark",
                None => "Theme",
            }}
        </button>
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn other(self) -> Self {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::Theme;

    const KEY: &str = "theme";

    /// The remembered theme, else the system preference.
    pub fn current_theme() -> Theme {
        let Some(window) = web_sys::window() else {
            return Theme::Light;
        };
        let stored = window
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(KEY).ok().flatten());
        match stored.as_deref() {
            Some("dark") => Theme::Dark,
            Some("light") => Theme::Light,
            _ => {
                let prefers_dark = window
                    .match_media("(prefers-color-scheme: dark)")
                    .ok()
                    .flatten()
                    .is_some_and(|m| m.matches());
                if prefers_dark {
                    Theme::Dark
                } else {
                    Theme::Light
                }
            }
        }
    }

    /// Sets `<html data-theme>` (the stylesheet keys on it) and remembers the choice.
    pub fn apply_theme(theme: Theme) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-theme", theme.as_str());
        }
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(KEY, theme.as_str());
        }
    }
}
