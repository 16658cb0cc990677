//! The server's side of [`FleetControl`]: power and BMC actions and login tests in sessions
//! of their own (never the collector's, so an action cannot disturb a poll), and collect-now
//! through the scheduler's request queue.

mod actions;
mod login_test;

use std::sync::Arc;
use std::time::Duration;

use app::entities::server;
use app::ssr::control::{BoxFuture, ControlError, FleetControl, LoginToTry};
use app::ssr::secrets::SecretBox;
use app::types::{CollectionProgress, LoginTestResult, ServerAction, ServerId};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::collector::CollectRequests;
use crate::live_hub::LiveHub;

#[derive(Clone)]
pub struct BmcControl {
    pub db: DatabaseConnection,
    pub secrets: SecretBox,
    pub hub: LiveHub,
    pub requests: CollectRequests,
    /// Upper bound for one BMC call, session set-up included.
    pub deadline: Duration,
}

impl BmcControl {
    pub fn shared(self) -> Arc<dyn FleetControl> {
        Arc::new(self)
    }
}

impl FleetControl for BmcControl {
    fn run_action(
        &self,
        server: ServerId,
        action: ServerAction,
        actor: String,
    ) -> BoxFuture<'_, Result<String, ControlError>> {
        Box::pin(actions::run(self, server, action, actor))
    }

    fn collect_now(&self, servers: Vec<ServerId>) -> BoxFuture<'_, Result<usize, ControlError>> {
        Box::pin(async move {
            let ids: Vec<i64> = servers.iter().map(|s| s.0).collect();
            let pollable: Vec<i64> = server::Entity::find()
                .filter(server::Column::Id.is_in(ids))
                .filter(server::Column::Enabled.eq(true))
                .filter(server::Column::Lifecycle.eq("active"))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|row| row.id)
                .collect();
            let queued = pollable.len();
            self.requests.request(pollable);
            Ok(queued)
        })
    }

    fn progress(&self) -> Option<CollectionProgress> {
        self.requests.progress()
    }

    fn test_login(
        &self,
        server: ServerId,
        login: Option<LoginToTry>,
    ) -> BoxFuture<'_, Result<LoginTestResult, ControlError>> {
        Box::pin(login_test::run(self, server, login))
    }
}
