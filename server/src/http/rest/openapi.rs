//! `/api/openapi.json`: the OpenAPI 3.0 description of the REST API, written by hand next to
//! the handlers it describes (the access-matrix test fails when a route is added without
//! being listed there, and `every_rest_path_is_in_the_openapi_document` when it is missing
//! here).

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::state::AppState;

/// `(method, path)` of every operation the document describes, for the tests that keep it
/// complete and true.
pub const DOCUMENTED_ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/v1/servers"),
    ("POST", "/api/v1/servers"),
    ("POST", "/api/v1/servers/import"),
    ("GET", "/api/v1/servers/export.csv"),
    ("GET", "/api/v1/servers/{id}"),
    ("PUT", "/api/v1/servers/{id}"),
    ("DELETE", "/api/v1/servers/{id}"),
    ("POST", "/api/v1/servers/{id}/deprecate"),
    ("POST", "/api/v1/servers/{id}/restore"),
    ("POST", "/api/v1/servers/{id}/actions/{action}"),
    ("POST", "/api/v1/servers/{id}/login-test"),
    ("POST", "/api/v1/collect"),
    ("GET", "/api/v1/collection"),
    ("GET", "/api/v1/servers/{id}/sensors"),
    ("GET", "/api/v1/servers/{id}/inventory"),
    ("GET", "/api/v1/sensors/{id}/history"),
    ("GET", "/api/v1/servers/{id}/power/history"),
    ("GET", "/api/v1/events"),
    ("GET", "/api/v1/events.csv"),
];

pub async fn openapi_document(State(state): State<AppState>) -> Json<Value> {
    let mut doc = document(env!("CARGO_PKG_VERSION"));
    // The paths below are the app's; under a sub-path clients must prefix them.
    doc["servers"] = json!([{ "url": state.config.base_path.to_string() }]);
    Json(doc)
}

fn id_param(what: &str) -> Value {
    json!({ "name": "id", "in": "path", "required": true, "description": format!("{what} id"),
            "schema": { "type": "integer", "format": "int64" } })
}

fn query(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description,
            "schema": { "type": kind } })
}

/// Answers of a write: its success, and the refusals every write shares.
fn written(success: Value) -> Value {
    let mut answers = json!({
        "400": { "description": "The body is not the JSON this operation takes" },
        "401": { "$ref": "#/components/responses/Unauthorized" },
        "403": { "$ref": "#/components/responses/Forbidden" },
        "404": { "description": "No such server" },
        "409": { "description": "A duplicate name or BMC address, or a lifecycle change that does not apply" },
        "422": { "$ref": "#/components/responses/Invalid" }
    });
    if let (Some(answers), Some(success)) = (answers.as_object_mut(), success.as_object()) {
        answers.extend(success.clone());
    }
    answers
}

fn ok(schema: Value) -> Value {
    json!({
        "200": { "description": "OK", "content": { "application/json": { "schema": schema } } },
        "401": { "$ref": "#/components/responses/Unauthorized" },
        "403": { "$ref": "#/components/responses/Forbidden" }
    })
}

pub fn document(version: &str) -> Value {
    let server_summary = json!({ "$ref": "#/components/schemas/ServerSummary" });
    let server_fields = json!({ "required": true, "content": { "application/json": {
        "schema": { "$ref": "#/components/schemas/ServerFields" } } } });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "IPMI Monitor API",
            "version": version,
            "description": "Read the fleet (servers, sensors and their history, events) with viewer rights; manage servers with operator rights. Authenticate with `Authorization: Bearer imt_…` (Settings → API tokens)."
        },
        "security": [ { "bearer": [] } ],
        "paths": {
            "/api/v1/servers": {
                "get": {
                    "summary": "Every active server with its state",
                    "responses": ok(json!({ "type": "array", "items": server_summary }))
                },
                "post": {
                    "summary": "Add a server (operator). Values are checked by the import rules.",
                    "requestBody": server_fields.clone(),
                    "responses": written(json!({ "201": { "description": "Added; the body is {\"id\": …}" } }))
                }
            },
            "/api/v1/servers/import": { "post": {
                "summary": "Import servers from the body: CSV, JSON, YAML or INI (operator). All rows or none.",
                "parameters": [
                    query("format", "string", "csv, json, yaml or ini (default: detected)"),
                    query("dry_run", "boolean", "true: only preview (rows, per-line problems, changes)")
                ],
                "requestBody": { "required": true, "content": { "text/plain": { "schema": { "type": "string" } } } },
                "responses": written(json!({ "200": { "description": "What was (or, dry run, would be) changed" } }))
            }},
            "/api/v1/servers/export.csv": { "get": {
                "summary": "Every server as CSV that the import reads back; user names, never passwords (operator)",
                "responses": { "200": { "description": "CSV", "content": { "text/csv": { "schema": { "type": "string" } } } } }
            }},
            "/api/v1/servers/{id}": {
                "get": {
                    "summary": "One server: settings (never credentials) and collector status",
                    "parameters": [ id_param("server") ],
                    "responses": ok(json!({ "$ref": "#/components/schemas/ServerDetail" }))
                },
                "put": {
                    "summary": "Replace a server's settings (operator); absent values take defaults, the login changes only when given",
                    "parameters": [ id_param("server") ],
                    "requestBody": server_fields,
                    "responses": written(json!({ "204": { "description": "Saved" } }))
                },
                "delete": {
                    "summary": "Delete a server with all its history (operator)",
                    "parameters": [ id_param("server") ],
                    "responses": written(json!({ "200": { "description": "Deleted; the body is {\"deleted\": name}" } }))
                }
            },
            "/api/v1/servers/{id}/deprecate": { "post": {
                "summary": "Stop polling a server and hide it from the dashboard; history stays (operator)",
                "parameters": [ id_param("server") ],
                "requestBody": { "required": false, "content": { "application/json": { "schema": {
                    "type": "object", "properties": { "reason": { "type": "string" } } } } } },
                "responses": written(json!({ "204": { "description": "Deprecated" } }))
            }},
            "/api/v1/servers/{id}/restore": { "post": {
                "summary": "Bring a deprecated server back (operator)",
                "parameters": [ id_param("server") ],
                "responses": written(json!({ "204": { "description": "Restored" } }))
            }},
            "/api/v1/servers/{id}/actions/{action}": { "post": {
                "summary": "Run an action on the server's BMC (operator; audited): power_on, power_off, power_soft, power_cycle, power_reset, identify, bmc_warm_reset, bmc_cold_reset, clear_sel",
                "parameters": [ id_param("server"),
                    { "name": "action", "in": "path", "required": true, "schema": { "type": "string", "enum": [
                        "power_on", "power_off", "power_soft", "power_cycle", "power_reset",
                        "identify", "bmc_warm_reset", "bmc_cold_reset", "clear_sel" ] } } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                    "type": "object", "required": ["confirm_name"],
                    "properties": { "confirm_name": { "type": "string", "description": "the server's name" } } } } } },
                "responses": written(json!({
                    "200": { "description": "Sent; the body is {\"message\": …}" },
                    "502": { "description": "The BMC refused or did not answer" }
                }))
            }},
            "/api/v1/servers/{id}/login-test": { "post": {
                "summary": "Log in to the BMC now with the stored login, or the one in the body (operator); nothing is stored",
                "parameters": [ id_param("server") ],
                "requestBody": { "required": false, "content": { "application/json": { "schema": {
                    "type": "object", "properties": { "username": { "type": "string" }, "password": { "type": "string" } } } } } },
                "responses": written(json!({ "200": { "description": "{server_id, server_name, outcome: ok|wrong_password|unreachable|timeout|no_credentials|failed, message, latency_ms, cipher_suite}" } }))
            }},
            "/api/v1/collect": { "post": {
                "summary": "Poll servers now (operator): the body's server_ids, or every active, enabled server",
                "requestBody": { "required": false, "content": { "application/json": { "schema": {
                    "type": "object", "properties": { "server_ids": { "type": "array", "items": { "type": "integer" } } } } } } },
                "responses": written(json!({ "200": { "description": "{\"queued\": n}" } }))
            }},
            "/api/v1/collection": { "get": {
                "summary": "Progress of a requested collection (collect now, or the first poll of new servers)",
                "responses": ok(json!({ "type": "object", "properties": { "progress": {
                    "type": "object", "nullable": true, "properties": {
                        "total": { "type": "integer" }, "done": { "type": "integer" },
                        "failed": { "type": "integer" }, "initial": { "type": "boolean" },
                        "latest": { "type": "string", "nullable": true,
                            "description": "The server whose collection finished last" },
                        "errors": { "type": "array", "description": "The newest failures",
                            "items": { "type": "object", "properties": {
                                "server": { "type": "string" }, "error": { "type": "string" } } } } } } } }))
            }},
            "/api/v1/servers/{id}/sensors": { "get": {
                "summary": "The server's sensors with their latest values",
                "parameters": [ id_param("server") ],
                "responses": ok(json!({ "type": "array", "items": { "$ref": "#/components/schemas/Sensor" } }))
            }},
            "/api/v1/servers/{id}/inventory": { "get": {
                "summary": "The last hardware inventory read from the BMC (device id, FRU, LAN); 404 before the first read",
                "parameters": [ id_param("server") ],
                "responses": ok(json!({ "type": "object", "properties": {
                    "device": { "type": "object" }, "fru": { "type": "array" }, "lan": { "type": "object" },
                    "error": { "type": "string", "nullable": true }, "collected_at": { "type": "string" }
                }}))
            }},
            "/api/v1/sensors/{id}/history": { "get": {
                "summary": "Stored readings of one sensor",
                "parameters": [
                    id_param("sensor"),
                    query("from", "string", "RFC 3339 start (default: 24 h before `to`)"),
                    query("to", "string", "RFC 3339 end (default: now)"),
                    query("resolution", "string", "raw, hourly or auto (raw up to 48 h)")
                ],
                "responses": ok(json!({ "$ref": "#/components/schemas/History" }))
            }},
            "/api/v1/servers/{id}/power/history": { "get": {
                "summary": "Stored power draw (DCMI) of one server, in watts",
                "parameters": [
                    id_param("server"),
                    query("from", "string", "RFC 3339 start (default: 24 h before `to`)"),
                    query("to", "string", "RFC 3339 end (default: now)"),
                    query("resolution", "string", "raw, hourly or auto (raw up to 48 h)")
                ],
                "responses": ok(json!({ "$ref": "#/components/schemas/History" }))
            }},
            "/api/v1/events": { "get": {
                "summary": "Events, newest first, paged backwards",
                "parameters": [
                    query("server_id", "integer", "only this server"),
                    query("severity", "string", "info, warning or critical: that and worse"),
                    query("source", "string", "sel (from the BMC) or synthetic (recorded by the app)"),
                    query("sensor_type", "string", "the SEL record's sensor type as ipmitool names it (Memory, Temperature, …), any case"),
                    query("since", "string", "RFC 3339"),
                    query("until", "string", "RFC 3339"),
                    query("limit", "integer", "1 to 1000 (default 100)"),
                    query("before_id", "integer", "next_before_id of the previous page")
                ],
                "responses": ok(json!({ "$ref": "#/components/schemas/EventPage" }))
            }}
            ,"/api/v1/events.csv": { "get": {
                "summary": "The same events and filters as /api/v1/events, as CSV (up to 10,000 rows)",
                "parameters": [
                    query("server_id", "integer", "only this server"),
                    query("severity", "string", "info, warning or critical: that and worse"),
                    query("since", "string", "RFC 3339"),
                    query("until", "string", "RFC 3339")
                ],
                "responses": { "200": { "description": "CSV", "content": { "text/csv": { "schema": { "type": "string" } } } } }
            }}
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "responses": {
                "Unauthorized": { "description": "No or an invalid, expired or revoked token" },
                "Forbidden": { "description": "The token's role is too low" },
                "Invalid": { "description": "Values that break the rules: {\"error\": …, \"problems\": [{line, field, message}]}" }
            },
            "schemas": {
                "ServerFields": { "type": "object", "additionalProperties": false,
                    "description": "Every value is a string, as in an import file; name and bmc_address are required",
                    "properties": {
                        "name": { "type": "string" }, "bmc_address": { "type": "string" },
                        "bmc_port": { "type": "string" }, "os_address": { "type": "string" },
                        "protocol": { "type": "string", "enum": ["auto", "ipmi", "redfish"] },
                        "cipher_suite": { "type": "string" },
                        "privilege": { "type": "string", "enum": ["user", "operator", "administrator"] },
                        "tags": { "type": "string", "description": "comma-separated" },
                        "notes": { "type": "string" }, "enabled": { "type": "string", "enum": ["true", "false"] },
                        "username": { "type": "string" },
                        "password": { "type": "string", "description": "write-only; never returned" }
                    }
                },
                "ServerSummary": { "type": "object", "properties": {
                    "id": { "type": "integer" }, "name": { "type": "string" },
                    "bmc_address": { "type": "string" },
                    "state": { "type": "string", "enum": ["Online", "OsDown", "BmcDown", "Dark", "Unknown"] },
                    "power_on": { "type": "boolean", "nullable": true },
                    "power_watts": { "type": "number", "nullable": true },
                    "last_poll": { "type": "string", "nullable": true },
                    "tags": { "type": "array", "items": { "type": "string" } }
                }},
                "ServerDetail": { "allOf": [ { "$ref": "#/components/schemas/ServerSummary" }, {
                    "type": "object", "properties": {
                        "bmc_port": { "type": "integer" }, "os_address": { "type": "string", "nullable": true },
                        "protocol": { "type": "string" }, "cipher_suite": { "type": "integer", "nullable": true },
                        "privilege": { "type": "string" }, "notes": { "type": "string" },
                        "enabled": { "type": "boolean" }, "lifecycle": { "type": "string" },
                        "status": { "type": "object", "nullable": true }
                    }
                }]},
                "Sensor": { "type": "object", "properties": {
                    "id": { "type": "integer" }, "name": { "type": "string" }, "number": { "type": "integer" },
                    "lun": { "type": "integer" }, "sensor_type": { "type": "string" }, "kind": { "type": "string" },
                    "status": { "type": "string" }, "value": { "type": "number", "nullable": true },
                    "unit": { "type": "string", "nullable": true }, "state": { "type": "string", "nullable": true },
                    "thresholds": { "type": "object", "nullable": true }, "states": { "nullable": true },
                    "updated_at": { "type": "string" }
                }},
                "History": { "type": "object", "properties": {
                    "id": { "type": "integer", "description": "the sensor's id, or the server's for power" },
                    "resolution": { "type": "string", "enum": ["raw", "hourly"] },
                    "from": { "type": "string" }, "to": { "type": "string" },
                    "points": { "type": "array", "items": { "type": "object", "properties": {
                        "at": { "type": "string" }, "unix_seconds": { "type": "integer" },
                        "value": { "type": "number" },
                        "min": { "type": "number" }, "max": { "type": "number" }
                    }}}
                }},
                "EventPage": { "type": "object", "properties": {
                    "events": { "type": "array", "items": { "type": "object", "properties": {
                        "id": { "type": "integer" }, "server_id": { "type": "integer" },
                        "server_name": { "type": "string" }, "timestamp": { "type": "string" },
                        "severity": { "type": "string", "enum": ["Info", "Warning", "Critical"] },
                        "description": { "type": "string" }
                    }}},
                    "next_before_id": { "type": "integer", "nullable": true }
                }}
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_lists_every_documented_path() {
        let doc = document("1.0.0");
        assert_eq!(doc["openapi"], "3.0.3");
        for (method, path) in DOCUMENTED_ROUTES {
            let operation = &doc["paths"][path][method.to_ascii_lowercase()];
            assert!(operation.is_object(), "{method} {path} missing");
        }
        let operations: usize = doc["paths"]
            .as_object()
            .map(|paths| {
                paths
                    .values()
                    .filter_map(|p| p.as_object())
                    .map(|p| p.len())
                    .sum()
            })
            .unwrap_or(0);
        assert_eq!(operations, DOCUMENTED_ROUTES.len());
    }
}
