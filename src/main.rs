//! The `folio` command line: one `Args` struct per subcommand, each with its own `run`.
//! Exit codes: 0 ok, 1 build errors, 2 usage.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: a large build holds about a gigabyte, and
/// glibc's malloc touches it 4 KiB at a time (286,000 page faults on the 10,000-note
/// benchmark), where mimalloc backs its arenas with transparent huge pages (about 5,000).
/// See bench/README.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
