//! Browser-side websocket with exponential backoff. Uses the raw `web_sys::WebSocket` so the
//! wasm stays small; every message is a JSON [`LiveMessage`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

use super::LiveConnection;
use crate::types::LiveMessage;

/// First retry after half a second, doubling up to this ceiling.
const MAX_BACKOFF_MS: u32 = 30_000;
const FIRST_BACKOFF_MS: u32 = 500;

/// The open socket, if any: where watch requests go.
type Current = Rc<RefCell<Option<WebSocket>>>;

/// Opens the socket; on close, schedules a reconnect. Whenever the page's watch list changes,
/// and after every (re)connect, the server is told which servers' sensors to push.
pub fn connect(live: LiveConnection) {
    let current: Current = Rc::default();
    let watching = current.clone();
    Effect::new(move |_| {
        let servers = live.watch.get();
        if let Some(ws) = watching.borrow().as_ref() {
            send_watch(ws, servers);
        }
    });
    open(live, Rc::new(Cell::new(0)), current);
}

fn send_watch(ws: &WebSocket, servers: Vec<crate::types::ServerId>) {
    if ws.ready_state() != WebSocket::OPEN {
        return;
    }
    let message = crate::types::ClientMessage::Watch { servers };
    if let Ok(text) = serde_json::to_string(&message) {
        let _ = ws.send_with_str(&text);
    }
}

fn open(live: LiveConnection, failures: Rc<Cell<u32>>, current: Current) {
    let Some(url) = socket_url() else { return };
    let ws = match WebSocket::new(&url) {
        Ok(ws) => ws,
        Err(_) => {
            retry_later(live, failures, current);
            return;
        }
    };

    current.replace(Some(ws.clone()));
    let opened = failures.clone();
    let opened_ws = ws.clone();
    let on_open = Closure::<dyn FnMut()>::new(move || {
        opened.set(0);
        live.connected.set(true);
        send_watch(&opened_ws, live.watch.get_untracked());
    });
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    on_open.forget();

    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        match serde_json::from_str::<LiveMessage>(&text) {
            Ok(message) => live.last_message.set(Some(message)),
            Err(err) => leptos::logging::warn!("ignoring websocket message: {err}"),
        }
    });
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |_: CloseEvent| {
        live.connected.set(false);
        retry_later(live, failures.clone(), current.clone());
    });
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    on_close.forget();
}

fn retry_later(live: LiveConnection, failures: Rc<Cell<u32>>, current: Current) {
    let attempt = failures.get();
    failures.set(attempt.saturating_add(1));
    let backoff = FIRST_BACKOFF_MS
        .saturating_mul(1u32 << attempt.min(10))
        .min(MAX_BACKOFF_MS);
    // Up to 25 % jitter so that many tabs do not reconnect in lockstep after a restart.
    let jitter = (js_sys::Math::random() * f64::from(backoff) * 0.25) as u32;
    Timeout::new(backoff + jitter, move || open(live, failures, current)).forget();
}

/// `ws://` or `wss://` to this page's host, under the app's base path.
fn socket_url() -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    let path = crate::base_path::from_document().url("/ws");
    Some(format!("{scheme}://{}{path}", location.host().ok()?))
}
