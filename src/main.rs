//! The `folio` command line: one `Args` struct per subcommand, each with its own `run`.
//! Exit codes: 0 ok, 1 build errors, 2 usage.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: a large build holds most of a gigabyte,
/// which glibc's malloc gives back and takes again in waves. mimalloc is built without
/// transparent huge pages (the `no_thp` feature): asking for them made the kernel zero
/// 2 MiB at each first touch, 4.4 to 7.6 s of system time in a 10,000-note build on the
/// benchmark machine against 0.7 to 1.5 s without. See the README's decisions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `include/mimalloc.h`. libmimalloc-sys names
/// only mimalloc 2's options, so the index is written here; `keep_freed_memory` checks
/// that the option there has the purge delay's default before it changes it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// mimalloc 3's default purge delay, in milliseconds (`src/options.c`; the header's
/// comment still says 10).
const DEFAULT_PURGE_DELAY: std::ffi::c_long = 1000;

/// Keeps freed memory for reuse instead of handing it back to the system a second later: a
/// build frees and allocates in waves, and every page handed back is zeroed again when it
/// is taken again (on the benchmark, about 6,000 page faults a build instead of 1,900).
/// Leaves mimalloc as it is if the option is not the one expected (another version of
/// mimalloc, or a `MIMALLOC_PURGE_DELAY` set by the user).
fn keep_freed_memory() {
    // SAFETY: reads and sets one of mimalloc's integer options; no pointers involved.
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == DEFAULT_PURGE_DELAY {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        }
    }
}

/// folio builds research sites: figures become data, topics link themselves.
#[derive(Parser, Debug)]
#[command(name = "folio", version, about, propagate_version = true)]
struct Cli {
    /// The site folder (the one with site.toml).
    #[arg(long, short = 'C', global = true, default_value = ".")]
    root: std::path::PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the site into the output folder.
    Build(cli::BuildArgs),
    /// Create a new site.
    Init(cli::InitArgs),
    /// Create a new note with its front matter filled in.
    New(cli::NewArgs),
    /// Check front matter, links, topics and templates; non-zero on errors.
    Check(cli::CheckArgs),
    /// Print the figures found in the notes.
    Metrics(cli::MetricsArgs),
    /// Build, serve with live reload and rebuild on every change.
    Serve(cli::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A one-off build gives everything back when it exits; a server or a watcher lives on,
    // and keeps mimalloc's default so that it returns what a rebuild no longer needs.
    if let Command::Build(args) = &cli.command
        && !args.watch
    {
        keep_freed_memory();
    }
    let result = match cli.command {
        Command::Build(args) => args.run(&cli.root),
        Command::Init(args) => args.run(&cli.root),
        Command::New(args) => args.run(&cli.root),
        Command::Check(args) => args.run(&cli.root),
        Command::Metrics(args) => args.run(&cli.root),
        Command::Serve(args) => args.run(&cli.root),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
