//! `ActionForm` that knows the app's base path.
//!
//! Leptos's own `ActionForm` renders `action="/api/…"`, the server function's path from the
//! site root. Under a sub-path (`IPMI_MONITOR_BASE_PATH=/ipmi`) a browser without JavaScript
//! would post that form past the reverse proxy. This one renders the action under the base
//! path and otherwise behaves the same: with JavaScript the submit event is taken over and the
//! form's fields are sent through the server action (whose client prefixes the base path,
//! `server_fn::client::set_server_url`, set at hydration). Pages import it by name, which
//! shadows the prelude's.

use leptos::ev::SubmitEvent;
use leptos::form::FromFormData;
use leptos::prelude::*;
use leptos::server_fn::codec::PostUrl;
use leptos::server_fn::error::{FromServerFnError, IntoAppError, ServerFnErrorErr};
use leptos::server_fn::{Http, ServerFn};
use serde::de::DeserializeOwned;

use crate::base_path::app_url;

#[component]
pub fn ActionForm<ServFn, OutputProtocol>(
    /// The server action the form dispatches.
    action: ServerAction<ServFn>,
    children: Children,
) -> impl IntoView
where
    ServFn: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, OutputProtocol>>
        + Clone
        + Send
        + Sync
        + 'static,
    ServFn::Output: Send + Sync + 'static,
    ServFn::Error: FromServerFnError + Send + Sync + 'static,
    OutputProtocol: 'static,
{
    let on_submit = move |ev: SubmitEvent| {
        if ev.default_prevented() {
            return;
        }
        ev.prevent_default();
        match ServFn::from_event(&ev) {
            Ok(input) => {
                action.dispatch(input);
            }
            Err(err) => {
                // The fields do not make the function's arguments: show it like a server error.
                action.value().set(Some(Err(
                    ServerFnErrorErr::Serialization(err.to_string()).into_app_error()
                )));
                action.version().update(|n| *n += 1);
            }
        }
    };
    view! {
        <form action=app_url(ServFn::PATH) method="post" on:submit=on_submit>
            {children()}
        </form>
    }
}
