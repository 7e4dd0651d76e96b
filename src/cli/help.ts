/**
 * The text of `credit-rules --help` and of each command's `--help`.
 */
import { OUTPUT_COLUMNS } from './batch.js';
import { MAX_JOBS } from './batch-command.js';
import { REMEMBERED_CUSTOMERS } from './customers.js';
import { SQL_HELP } from './sql-command.js';

export const HELP: Record<string, string> = {
  main: `credit-rules — service-credit rules: check, evaluate, test and render them

Usage:
  credit-rules check FILE...                      report errors, warnings and infos
  credit-rules eval FILE [--set NAME=VALUE]... [--json] [--lang en|de]
                                                  evaluate a month, or a contract year
  credit-rules test FILE...                       run the examples
  credit-rules render FILE [--lang en|de] [--docx OUT.docx]
                                                  print the clause text, or write it as a Word document
  credit-rules compile FILE [--out FILE.json]     write the checked program as JSON
  credit-rules batch FILE --csv IN [--out OUT] [--jobs N] [--engine node|duckdb] [--no-formula-guard]
                                                  credits for a CSV of customer-months (billing)
  credit-rules batch FILE --parquet IN [--out OUT.csv|OUT.parquet]
                                                  the same for a Parquet file, in DuckDB
  credit-rules sql FILE [--dialect duckdb|postgres] [--table NAME]
                                                  the same credits as one SQL query (docs/billing.md)
  credit-rules fmt [--check | --write] FILE...   lay out rules files canonically
  credit-rules diff OLD NEW [--csv IN] [--json] [--lang en|de]
                                                  what changed between two versions, in words and money

Run \`credit-rules COMMAND --help\` for details. Exit codes: 0 ok, 1 errors in the
rules, failed examples or failed batch rows, 2 the command could not run.`,
  check: `Usage: credit-rules check FILE...

Checks each file and prints one line per problem:
  FILE:LINE:COL: error|warning|info CODE: message
Exits with 1 if any file has an error.`,
  eval: `Usage: credit-rules eval FILE [--set NAME=VALUE]... [--json] [--lang en|de]

Evaluates one month. Values use the language's literals: --set availability=99.2%
--set fee="1000 EUR" --set response=4h. A list of up to 12 values makes a
contract-year run, one value per month: --set availability=94%,99%,99.9%.
A comma always separates months: 99,5% is two months, 99 and 5% (a warning
says so); a decimal takes a point, 99.5%.
Inputs without --set take their declared defaults.
  --json        print the result as one JSON object
  --lang en|de  the language of the explanation (default en)`,
  test: `Usage: credit-rules test FILE...

Runs every \`example\` line as a test: one line per example, then
"N passed, N failed". A failure shows expected, actual and the explanation.
Exits with 1 if any example failed.`,
  render: `Usage: credit-rules render FILE [--lang en|de] [--docx OUT.docx]

Prints the clause text of the rules, in English (default) or German.
  --docx OUT.docx  writes the clause as a Word document instead: the heading,
                   the clauses numbered, each tier table as a table, the worked
                   examples (OUT is replaced whole or not at all)`,
  fmt: `Usage: credit-rules fmt [--check | --write] FILE...

Lays out rules files in the one canonical layout: two spaces per block level,
one space between tokens, a block's tiers aligned on \`then\`, comments kept,
at most one blank line in a row. Only layout changes, never what the rules mean.
Without an option, prints the formatted text of each FILE.
  --check  lists the files that are not formatted; exits 1 if there are any
  --write  rewrites the files that are not formatted (whole or not at all) and
           lists them
A file with syntax errors is not formatted: its errors are printed and the exit
code is 1.`,
  diff: `Usage: credit-rules diff OLD NEW [--csv IN] [--json] [--lang en|de]

Compares two versions of the rules (.credit or precompiled .json):
1. the terms that changed, in the words of the clause ("the tier of 10% of the
   monthly fee now applies if the Monthly uptime is below 99.5% instead of
   below 99.9%"), with their lines in OLD and NEW;
2. for each input, the ranges of its values where the two versions pay a month
   differently, and by how much: found from the thresholds of both versions
   (every value they compare the input with) and computed exactly at each
   threshold and between each two, not sampled. The other inputs are held at
   their defaults, each version's own (the other's where it has none), which
   the output names;
3. with --csv IN, a CSV of real months in the format of \`batch\`: what each
   version pays for them (contract years with their caps, as batch computes
   them), per customer and in all, and the difference.
  --json        print everything as one JSON object
  --lang en|de  the language of the terms and tables (default en)`,
  compile: `Usage: credit-rules compile FILE [--out FILE.json]

Writes the checked program as JSON (to stdout, or to --out). The widget loads
such a file without the parser.`,
  batch: `Usage: credit-rules batch FILE --csv IN [--out OUT] [--jobs N] [--engine node|duckdb] [--no-formula-guard]
       credit-rules batch FILE --parquet IN [--out OUT.csv|OUT.parquet]

Computes the credit of every row of a CSV file (IN, or - for stdin) and writes
a CSV with one row per input row (to stdout, or to OUT). FILE is a .credit file
or a precompiled .json (credit-rules compile).

Input: a header line, then one row per customer-month. The columns are the
rules' inputs (values as for eval --set: 99.5%, 99.5, 1200 EUR; an empty cell
takes the declared default) and optionally customer and month. The rows of one
customer, months 1, 2, 3 … in order and together, form one contract year with
its caps accruing; a row without a customer is a month on its own.
RFC 4180 quoting, LF or CRLF, a UTF-8 byte order mark and blank lines are fine.
Memory stays flat: a file sorted by customer (as text, or with numbers in
numeric order) needs no customer remembered; in another order up to
${REMEMBERED_CUSTOMERS.toLocaleString('en')} customers are remembered to check that each one's rows are
together, and past that a customer that sorts before an earlier one is an
error (sort the file).

Output columns: ${OUTPUT_COLUMNS.join(',')}
  line            the line of the input row (the header is line 1)
  credit          the month's credit in money; percent_of_fee its share of the month's fee
  cuts            each cap that cut it, "; "-separated:
                  quarterly cap on all credits (line 35): -400.00
  error           what is wrong with the row; then the credit columns are empty
A bad row of a contract year fails the whole year: each of its other rows names
the line that stopped it. Each failed row is also reported on stderr as
IN:LINE: error: message.
Exits with 1 if any row failed, 2 if the file cannot be used at all (a column
that is no input, a missing input without default, an unreadable file) or the
output cannot all be written (a full disk; a reader that went away, as
\`batch … | head\`: a broken pipe).

--out OUT writes to OUT, whole or not at all: to a new file beside it, renamed
          to OUT once complete (OUT's permissions kept). A run that fails or is
          stopped (SIGINT, SIGTERM, SIGHUP) leaves OUT as it was and no other
          file. A symbolic link is followed: its target is written and the link
          stays. A FIFO or a device (/dev/null) is written directly. A
          read-only OUT is an error.
--jobs N  worker threads sharing the rows of a large file (default: one per
          CPU core, at most ${MAX_JOBS}; 1 runs it all in one thread). The output is
          the same whatever N.
--engine duckdb
          computes the rows with the rules' SQL (credit-rules sql) in embedded
          DuckDB; the output is the same. A file DuckDB cannot answer exactly
          as the interpreter does (a bad row, values with units or currencies,
          a quotient without an exact decimal) is computed by the Node batch
          instead, as a whole, before anything is written. IN must be a file.
--parquet IN
          reads a Parquet file of customer-months in DuckDB (columns as for
          credit-rules sql: customer, month, one per input; a list input's a
          list). Rows DuckDB cannot compute exactly keep their error. line is
          the row's place in the file. A column missing or of the wrong type
          is one line naming it.
--out OUT.parquet
          writes the result as Parquet (with --engine duckdb or --parquet),
          whole or not at all.
--no-formula-guard
          copies the customer and month cells as they are. By default a cell
          from the input that a spreadsheet would run as a formula — it starts
          with =, +, -, @, a tab or a carriage return — is written after a
          single quote and quoted ("'=1+2"), which a spreadsheet shows as the
          text =1+2 (OWASP's advice against CSV injection).`,
  sql: SQL_HELP,
};
