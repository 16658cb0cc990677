use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::SettingsNav;
use crate::api::audit::list_audit_log;

/// Rows per page.
const PAGE_SIZE: u64 = 100;

/// Settings → Audit log (admins): every write, newest first, filtered by the query string
/// (`actor`, `action`, `outcome`, `before`) so a filtered view is a link you can share.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        (
            q.get("actor").unwrap_or_default(),
            q.get("action").unwrap_or_default(),
            q.get("outcome").unwrap_or_default(),
            q.get("before").and_then(|b| b.parse::<i64>().ok()),
        )
    };
    let rows = Resource::new(filter, |(actor, action, outcome, before)| {
        list_audit_log(
            Some(actor),
            Some(action),
            Some(outcome),
            before,
            Some(PAGE_SIZE),
        )
    });
    view! {
        <Title text="Audit log · IPMI Monitor"/>
        <h1>"Settings"</h1>
        <SettingsNav/>
        <section class="card">
            <h2>"Audit log"</h2>
            <form method="get" action=app_url("/settings/audit") class="filters" id="audit-filters">
                <input type="text" name="actor" placeholder="actor contains" aria-label="actor" value=move || filter().0/>
                <input type="text" name="action" placeholder="action starts with (user., auth.)" aria-label="action" value=move || filter().1/>
                <select name="outcome" aria-label="outcome">
                    {["", "ok", "denied", "failed"]
                        .into_iter()
                        .map(|o| view! { <option value=o selected=move || filter().2 == o>{if o.is_empty() { "any outcome" } else { o }}</option> })
                        .collect_view()}
                </select>
                <button type="submit">"Filter"</button>
            </form>
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) if rows.is_empty() => view! { <p id="no-audit">"Nothing recorded for this filter."</p> }.into_any(),
                        Ok(rows) => {
                            let older = (rows.len() as u64 == PAGE_SIZE).then(|| rows.last().map(|r| r.id)).flatten();
                            view! {
                                <table class="data" id="audit-table">
                                    <thead>
                                        <tr><th>"Time (UTC)"</th><th>"Who"</th><th>"Action"</th><th>"Target"</th><th>"Outcome"</th><th>"Detail"</th><th>"Client"</th></tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|r| {
                                                let class = format!("outcome-{}", r.outcome);
                                                view! {
                                                <tr class=class>
                                                    <td>{r.at}</td>
                                                    <td>{r.actor}</td>
                                                    <td>{r.action}</td>
                                                    <td>{r.target.unwrap_or_default()}</td>
                                                    <td>{r.outcome}</td>
                                                    <td>{r.detail.unwrap_or_default()}</td>
                                                    <td>{r.client.unwrap_or_default()}</td>
                                                </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                {older.map(|id| {
                                    let (actor, action, outcome, _) = filter();
                                    view! {
                                        <p><a href=app_url(&format!(
                                            "/settings/audit?actor={}&action={}&outcome={}&before={id}",
                                            crate::url::percent_encode(&actor),
                                            crate::url::percent_encode(&action),
                                            crate::url::percent_encode(&outcome),
                                        ))>"Older entries →"</a></p>
                                    }
                                })}
                            }
                            .into_any()
                        }
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
