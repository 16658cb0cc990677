//! Build information comes from the build environment (CI and the Dockerfile set these);
//! declaring them here makes cargo rebuild when they change.
fn main() {
    for var in ["GIT_COMMIT", "GIT_BRANCH", "BUILD_TIME", "APP_VERSION"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    println!("cargo:rerun-if-changed=../VERSION");
}
