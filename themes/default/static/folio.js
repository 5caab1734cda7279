// folio's default theme script: small progressive enhancements only; the site works without it.
