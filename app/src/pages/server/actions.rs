use leptos::prelude::*;

use crate::api::control::{CollectNow, RunServerAction, TestServerLogin};
use crate::components::auth::{FormError, RequireRole};
use crate::components::form::ActionForm;
use crate::types::{LoginOutcome, LoginTestResult, Role, ServerAction as Action};

/// Power and BMC actions, each confirmed by typing the server's name (operators; audited),
/// plus collect-now and a live test of the stored login.
#[component]
pub fn ActionsTab(id: i64, name: String) -> impl IntoView {
    let run = ServerAction::<RunServerAction>::new();
    let collect = ServerAction::<CollectNow>::new();
    let test = ServerAction::<TestServerLogin>::new();
    let confirm_hint = StoredValue::new(format!("type {name} to confirm"));
    view! {
        <RequireRole role=Role::Operator>
            <section class="card" id="actions">
                <h2>"Actions"</h2>
                <ActionForm action=run>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <div class="form-grid" id="action-form">
                        <label for="action-choice">"Action"</label>
                        <select id="action-choice" name="action">
                            {Action::ALL
                                .into_iter()
                                .map(|a| view! { <option value=a.as_str()>{a.label()}</option> })
                                .collect_view()}
                        </select>
                        <label for="action-confirm">"Server name"</label>
                        <input id="action-confirm" type="text" name="confirm_name" autocomplete="off"
                            placeholder=move || confirm_hint.get_value()/>
                        <span></span>
                        <button type="submit" class="danger">"Run"</button>
                    </div>
                </ActionForm>
                <FormError result=run.value().into()/>
                {move || run.value().get().and_then(Result::ok).map(|message| view! {
                    <p class="ok" id="action-done">{message}</p>
                })}
                <dl class="facts action-effects">
                    {Action::ALL
                        .into_iter()
                        .map(|a| view! { <dt>{a.label()}</dt><dd>{a.effect()}</dd> })
                        .collect_view()}
                </dl>
            </section>
            <section class="card" id="collect">
                <h2>"Collect and test"</h2>
                <div class="buttons">
                    <ActionForm action=collect>
                        <input type="hidden" name="server_id" value=id.to_string()/>
                        <button type="submit" id="collect-now">"Collect now"</button>
                    </ActionForm>
                    <ActionForm action=test>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <button type="submit" id="test-login">"Test stored login"</button>
                    </ActionForm>
                </div>
                <FormError result=collect.value().into()/>
                {move || collect.value().get().and_then(Result::ok).map(|n| view! {
                    <p class="ok">{if n == 0 { "Not polled: the server is disabled or deprecated.".to_owned() } else { "Queued; fresh readings in a few seconds.".to_owned() }}</p>
                })}
                <FormError result=test.value().into()/>
                {move || test.value().get().and_then(Result::ok).map(|r| view! { <LoginResult result=r/> })}
            </section>
        </RequireRole>
    }
}

/// One login test's outcome, with latency and suite.
#[component]
pub fn LoginResult(result: LoginTestResult) -> impl IntoView {
    let class = if result.outcome == LoginOutcome::Ok {
        "ok"
    } else {
        "error"
    };
    let suite = result
        .cipher_suite
        .map(|s| format!(", cipher suite {s}"))
        .unwrap_or_default();
    let text = format!(
        "{}: {} ({} ms{suite}){}",
        result.server_name,
        result.outcome.label(),
        result.latency_ms,
        result
            .message
            .map(|m| format!(" — {m}"))
            .unwrap_or_default()
    );
    view! { <p class=class data-outcome=format!("{:?}", result.outcome)>{text}</p> }
}
