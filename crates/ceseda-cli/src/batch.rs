//! `ceseda batch`: one request per CSV row or JSON line, priced in chunks through the core's
//! batch path (`contract::batch::quote_columns` for CSV columns, `quote_each` for JSON lines),
//! one answer row per request. Memory is constant: a chunk of rows in, its answers out.
//!
//! The CLI only reads and writes: a CSV cell is the text of its field (empty: absent), a
//! boolean cell `true` or `false`; every code, date and rule is the core's. A CSV record is
//! one line (no request field holds a line break), so a malformed line is one refused row and
//! every row number is the line it is on.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use ceseda::contract::batch::{quote_columns_under, quote_each_under, Column, RowError, Summary};
use ceseda::fields::{Field, FieldKind, FIELDS};
use ceseda::{Component, Error, Lang, Request};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Rows priced at once.
const CHUNK: usize = 8192;
/// The longest line read (a longer line is refused as `invalid_json`).
const MAX_LINE: usize = 1 << 20;
/// UTF-8's byte-order mark, which spreadsheets write at the start of a CSV file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A format of the input or of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma- or semicolon-separated values with a header line of field names.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// What `ceseda batch` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The input file; `None` or `-`: standard input.
    pub input: Option<String>,
    /// The input format, if given.
    pub input_format: Option<Format>,
    /// The input's CSV delimiter, if given.
    pub delimiter: Option<u8>,
    /// The output format.
    pub output_format: Format,
    /// The output's CSV delimiter, if given (default: the input's, or `,`).
    pub output_delimiter: Option<u8>,
    /// The output file; `None` or `-`: standard output.
    pub output: Option<String>,
    /// The language of error messages and of the progress bar.
    pub lang: Lang,
    /// The reform to price under (`None`: the law).
    pub reform: Option<std::sync::Arc<ceseda::Reform>>,
}

/// Why a run stopped.
#[derive(Debug)]
pub enum Failure {
    /// The command line or the input's header is wrong (status 2).
    Usage(String),
    /// Reading or writing failed midway (status 1).
    Io(String),
    /// Standard output was closed (status 141).
    BrokenPipe,
}

/// What a run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Rows answered (refused ones included).
    pub rows: u64,
    /// Rows refused.
    pub refused: u64,
}

fn io_failure(what: &str, e: &io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Io(format!("{what}: {e}"))
    }
}

/// Parses `--delimiter`: `,`, `;`, `tab` or any one ASCII character but a quote or a line break.
pub fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s.as_bytes() {
        b"tab" | b"\\t" | b"\t" => Ok(b'\t'),
        [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Ok(*b),
        _ => Err(format!(
            "a delimiter is one ASCII character (`,`, `;`, `tab`…), got {s:?}"
        )),
    }
}

/// Reads one line (through its `\n`) into `buf`, keeping at most `max` bytes of it; answers the
/// bytes consumed (0 at the end of the input) and whether the line was longer than `max`.
fn read_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    buf.clear();
    let (mut consumed, mut truncated) = (0, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, truncated));
        }
        let (n, done) = match available.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = max.saturating_sub(buf.len());
        truncated |= n > room;
        buf.extend_from_slice(available.get(..n.min(room)).unwrap_or_default());
        reader.consume(n);
        consumed += n;
        if done {
            return Ok((consumed, truncated));
        }
    }
}

/// A line without its line break (`\n` or `\r\n`).
fn chomp(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes
/// (`,` on a tie, as for a single column).
fn sniff_delimiter(header: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header {
        if *b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                *n += usize::from(b == d);
            }
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, (d, n)| if *n > best.1 { (*d, *n) } else { best },
        )
        .0
}

/// The format a file name says, if it says one.
fn format_of_name(name: &str) -> Option<Format> {
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" | "txt" => Some(Format::Csv),
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        _ => None,
    }
}

/// The progress bar: drawn on stderr only when stderr is a terminal.
fn progress(total_bytes: Option<u64>, lang: Lang) -> ProgressBar {
    use std::io::IsTerminal as _;
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let rows = lang.pick("lignes", "rows");
    let template = match total_bytes {
        Some(_) => {
            format!("{{wide_bar}} {{percent:>3}} % {{msg}} {rows} [{{elapsed_precise}}, {{eta}}]")
        }
        None => format!("{{spinner}} {{msg}} {rows} [{{elapsed_precise}}]"),
    };
    let bar = ProgressBar::with_draw_target(total_bytes, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

// ---------------------------------------------------------------------------------- output

/// The answer columns, in order.
fn header_columns() -> Vec<&'static str> {
    let mut columns = vec!["row", "total", "due_at_filing"];
    columns.extend(Component::ALL.iter().map(|c| c.code()));
    columns.extend([
        "outcome",
        "regime",
        "error_code",
        "error_field",
        "error_message",
    ]);
    columns
}

/// An answer, as the writer renders it.
type Answer<'a> = Result<&'a Summary, &'a RowError>;

/// Appends a CSV cell, quoted where it holds the delimiter, a quote or a line break.
fn push_cell(out: &mut Vec<u8>, cell: &str, delimiter: u8) {
    if cell
        .bytes()
        .any(|b| b == delimiter || matches!(b, b'"' | b'\n' | b'\r'))
    {
        out.push(b'"');
        out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(cell.as_bytes());
    }
}

/// Writes answer rows in the output format; callers render each distinct answer once.
struct Writer<W: Write> {
    out: W,
    format: Format,
    delimiter: u8,
    counts: Counts,
}

impl<W: Write> Writer<W> {
    fn header(&mut self) -> io::Result<()> {
        if self.format == Format::Csv {
            let mut line = Vec::new();
            for (i, column) in header_columns().iter().enumerate() {
                if i > 0 {
                    line.push(self.delimiter);
                }
                push_cell(&mut line, column, self.delimiter);
            }
            line.push(b'\n');
            self.out.write_all(&line)?;
        }
        Ok(())
    }

    /// The text of an answer after its row number (`,total,…\n` or `,"total":…}\n`).
    fn render(&self, answer: Answer<'_>) -> Vec<u8> {
        let money = |d: Option<ceseda::Decimal>| d.map(ceseda::money::to_string);
        let mut cells: Vec<Option<String>> = Vec::with_capacity(16);
        match answer {
            Ok(s) => {
                cells.push(money(s.total));
                cells.push(money(s.due_at_filing));
                cells.extend(s.components.iter().map(|c| money(*c)));
                cells.push(Some(s.outcome.code().to_string()));
                cells.push(Some(s.regime.code().to_string()));
                cells.extend([None, None, None]);
            }
            Err(e) => {
                cells.extend(std::iter::repeat_n(None, 2 + Component::ALL.len() + 2));
                cells.push(Some(e.code.to_string()));
                cells.push(e.field.clone());
                cells.push(Some(e.message.clone()));
            }
        }
        let mut out = Vec::with_capacity(256);
        match self.format {
            Format::Csv => {
                for cell in &cells {
                    out.push(self.delimiter);
                    push_cell(&mut out, cell.as_deref().unwrap_or(""), self.delimiter);
                }
                out.push(b'\n');
            }
            Format::Jsonl => {
                for (name, cell) in header_columns().iter().skip(1).zip(&cells) {
                    let value = cell
                        .as_deref()
                        .map_or(serde_json::Value::Null, serde_json::Value::from);
                    out.extend_from_slice(format!(",\"{name}\":{value}").as_bytes());
                }
                out.extend_from_slice(b"}\n");
            }
        }
        out
    }

    /// Writes the answer of the request on input line `row`, rendered by [`Writer::render`].
    fn row(&mut self, row: u64, refused: bool, tail: &[u8]) -> io::Result<()> {
        self.counts.rows += 1;
        self.counts.refused += u64::from(refused);
        match self.format {
            Format::Csv => write!(self.out, "{row}")?,
            Format::Jsonl => write!(self.out, "{{\"row\":{row}")?,
        }
        self.out.write_all(tail)
    }

    /// Renders and writes a one-off answer (a malformed line).
    fn row_once(&mut self, row: u64, answer: Answer<'_>) -> io::Result<()> {
        let tail = self.render(answer);
        self.row(row, answer.is_err(), &tail)
    }
}

/// A malformed line: `invalid_json`, its message naming the line.
fn malformed(line: u64, detail: &str, lang: Lang) -> RowError {
    RowError {
        code: "invalid_json",
        field: None,
        message: format!(
            "{} {line}{} {detail}",
            lang.pick("ligne", "line"),
            lang.pick(" :", ":")
        ),
    }
}

// ---------------------------------------------------------------------------------- run

/// Runs a batch; answers its counts.
pub fn run(options: &Options) -> Result<Counts, Failure> {
    let lang = options.lang;
    let path = options.input.as_deref().filter(|p| *p != "-");
    let (input, size): (Box<dyn Read>, Option<u64>) = match path {
        Some(p) => {
            let file = File::open(p).map_err(|e| {
                Failure::Usage(format!(
                    "{} {p}: {e}",
                    lang.pick("impossible d'ouvrir l'entrée", "cannot open the input")
                ))
            })?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(file), size)
        }
        None => (Box::new(io::stdin().lock()), None),
    };
    let format = options
        .input_format
        .or_else(|| path.and_then(format_of_name));
    let output = options.output.as_deref().filter(|p| *p != "-");
    let sink = || -> Result<Box<dyn Write>, Failure> {
        match output {
            Some(p) => Ok(Box::new(File::create(p).map_err(|e| {
                Failure::Usage(format!(
                    "{} {p}: {e}",
                    lang.pick("impossible de créer la sortie", "cannot create the output")
                ))
            })?)),
            None => Ok(Box::new(io::stdout().lock())),
        }
    };
    run_with(input, format, sink, progress(size, lang), options)
}

/// Runs a batch over `input` (CSV or JSON lines: `options.input_format`, else JSON lines where
/// the first byte that is not white space is `{`), writing the answer rows to `output` in
/// `options.output_format`; answers its counts. `options.input` and `options.output` are not
/// read, and no progress bar is drawn. What [`run`] does once the files are open.
pub fn run_io<R: Read, W: Write>(
    input: R,
    output: W,
    options: &Options,
) -> Result<Counts, Failure> {
    run_with(
        input,
        options.input_format,
        || Ok(output),
        ProgressBar::hidden(),
        options,
    )
}

/// The run: the input's format read (a byte-order mark skipped), then the sink opened, then
/// every line answered.
fn run_with<R: Read, W: Write>(
    input: R,
    format: Option<Format>,
    sink: impl FnOnce() -> Result<W, Failure>,
    bar: ProgressBar,
    options: &Options,
) -> Result<Counts, Failure> {
    let lang = options.lang;
    let mut reader = BufReader::with_capacity(1 << 18, input);
    let read_err = |e: io::Error| io_failure(lang.pick("lecture", "read"), &e);
    // A byte-order mark is skipped; the first bytes tell JSON lines from CSV.
    let start = reader.fill_buf().map_err(read_err)?;
    if start.starts_with(BOM) {
        reader.consume(BOM.len());
    }
    let format = match format {
        Some(f) => f,
        None => {
            let start = reader.fill_buf().map_err(read_err)?;
            if start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
                Format::Jsonl
            } else {
                Format::Csv
            }
        }
    };
    let mut writer = Writer {
        out: BufWriter::with_capacity(1 << 18, sink()?),
        format: options.output_format,
        delimiter: options.output_delimiter.unwrap_or(b','),
        counts: Counts::default(),
    };
    let mut lines = Lines {
        reader,
        buf: Vec::new(),
        line: 0,
        bytes: 0,
    };
    match format {
        Format::Csv => csv_rows(&mut lines, options, &mut writer, &bar)?,
        Format::Jsonl => jsonl_rows(&mut lines, &mut writer, &bar, lang, options.reform.as_deref())?,
    }
    writer
        .out
        .flush()
        .map_err(|e| io_failure(lang.pick("écriture", "write"), &e))?;
    bar.finish_and_clear();
    Ok(writer.counts)
}

/// A fast hasher for the short texts of a chunk's cells (FxHash: the input is the user's own
/// file, so flooding it buys nothing).
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(w) = word.get_mut(..chunk.len()) {
                w.copy_from_slice(chunk);
            }
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;

/// A line: its number, and its text without the line break (`Err` where too long).
type Line<'a> = (u64, Result<&'a [u8], ()>);

/// The input, line by line, with line numbers and bytes read.
struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    line: u64,
    bytes: u64,
}

impl<R: BufRead> Lines<R> {
    /// The next line that is not blank: its number, its text without the line break (`Err`
    /// where longer than [`MAX_LINE`]); `None` at the end.
    fn next(&mut self) -> io::Result<Option<Line<'_>>> {
        loop {
            let (n, truncated) = read_line(&mut self.reader, &mut self.buf, MAX_LINE)?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            self.bytes += n as u64;
            if truncated {
                return Ok(Some((self.line, Err(()))));
            }
            if !self.buf.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((self.line, Ok(chomp(&self.buf)))));
            }
        }
    }
}

fn too_long(line: u64, lang: Lang) -> RowError {
    malformed(
        line,
        &lang
            .pick("ligne de plus de {n} octets", "line longer than {n} bytes")
            .replace("{n}", &MAX_LINE.to_string()),
        lang,
    )
}

// ---------------------------------------------------------------------------------- CSV

/// Why a CSV line is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CsvError {
    /// A quoted cell is not closed on its line.
    Unterminated,
    /// A quote inside a cell that does not start with one.
    StrayQuote,
    /// Text after a quoted cell's closing quote.
    AfterQuote,
}

impl CsvError {
    fn message(self, lang: Lang) -> &'static str {
        match self {
            CsvError::Unterminated => lang.pick(
                "CSV mal formé : guillemet non fermé",
                "malformed CSV: unterminated quote",
            ),
            CsvError::StrayQuote => lang.pick(
                "CSV mal formé : guillemet dans une cellule sans guillemets",
                "malformed CSV: a quote inside an unquoted cell",
            ),
            CsvError::AfterQuote => lang.pick(
                "CSV mal formé : texte après le guillemet fermant",
                "malformed CSV: text after a closing quote",
            ),
        }
    }
}

/// Splits a CSV line into cells (RFC 4180 quoting, `""` for a quote), each trimmed of spaces
/// and tabs, appended to `data`; `ends` gets the end of each cell in `data`.
fn split_csv(
    line: &[u8],
    delimiter: u8,
    data: &mut Vec<u8>,
    ends: &mut Vec<usize>,
) -> Result<(), CsvError> {
    let trim = |b: &u8| *b == b' ' || (*b == b'\t' && delimiter != b'\t');
    let mut rest = line;
    loop {
        let start = rest.iter().position(|b| !trim(b)).unwrap_or(rest.len());
        rest = rest.get(start..).unwrap_or_default();
        let cell_start = data.len();
        if let Some(quoted) = rest.strip_prefix(b"\"") {
            // A quoted cell: through the closing quote, `""` standing for one quote.
            let mut i = 0;
            loop {
                match (quoted.get(i), quoted.get(i + 1)) {
                    (Some(b'"'), Some(b'"')) => {
                        data.push(b'"');
                        i += 2;
                    }
                    (Some(b'"'), _) => break,
                    (Some(b), _) => {
                        data.push(*b);
                        i += 1;
                    }
                    (None, _) => return Err(CsvError::Unterminated),
                }
            }
            rest = quoted.get(i + 1..).unwrap_or_default();
            let after = rest.iter().position(|b| !trim(b)).unwrap_or(rest.len());
            rest = rest.get(after..).unwrap_or_default();
            // Trim inside the quotes too, as an unquoted cell is.
            let cell = data.get(cell_start..).unwrap_or_default();
            let (lead, keep) = (
                cell.iter().take_while(|b| trim(b)).count(),
                cell.iter().rev().skip_while(|b| trim(b)).count(),
            );
            if lead > 0 || keep < cell.len() {
                let trimmed: Vec<u8> = cell.get(lead..keep.max(lead)).unwrap_or_default().to_vec();
                data.truncate(cell_start);
                data.extend_from_slice(&trimmed);
            }
            ends.push(data.len());
            match rest.split_first() {
                None => return Ok(()),
                Some((d, tail)) if *d == delimiter => rest = tail,
                Some(_) => return Err(CsvError::AfterQuote),
            }
        } else {
            let end = rest
                .iter()
                .position(|b| *b == delimiter)
                .unwrap_or(rest.len());
            let cell = rest.get(..end).unwrap_or_default();
            if cell.contains(&b'"') {
                return Err(CsvError::StrayQuote);
            }
            let keep = cell.iter().rev().skip_while(|b| trim(b)).count();
            data.extend_from_slice(cell.get(..keep).unwrap_or_default());
            ends.push(data.len());
            match rest.get(end..).and_then(<[u8]>::split_first) {
                None => return Ok(()),
                Some((_, tail)) => rest = tail,
            }
        }
    }
}

/// The fields of the CSV header, in column order (`None`: a nameless column, ignored).
fn header_fields(
    data: &[u8],
    ends: &[usize],
    lang: Lang,
) -> Result<Vec<Option<&'static Field>>, Failure> {
    let mut fields: Vec<Option<&'static Field>> = Vec::with_capacity(ends.len());
    let mut start = 0;
    for end in ends {
        let name =
            std::str::from_utf8(data.get(start..*end).unwrap_or_default()).map_err(|_| {
                Failure::Usage(
                    lang.pick(
                        "l'en-tête CSV n'est pas en UTF-8",
                        "the CSV header is not UTF-8",
                    )
                    .to_string(),
                )
            })?;
        start = *end;
        if name.is_empty() {
            fields.push(None);
            continue;
        }
        let field = Field::named(name).ok_or_else(|| {
            let e = Error::UnknownField {
                field: name.to_string(),
                expected: FIELDS.to_vec(),
            };
            Failure::Usage(format!(
                "{} [unknown_field]: {}",
                lang.pick("en-tête CSV", "CSV header"),
                e.message(lang)
            ))
        })?;
        if fields.iter().flatten().any(|f| std::ptr::eq(*f, field)) {
            return Err(Failure::Usage(format!(
                "{}: {name}",
                lang.pick(
                    "colonne en double dans l'en-tête CSV",
                    "column given twice in the CSV header"
                )
            )));
        }
        fields.push(Some(field));
    }
    Ok(fields)
}

/// A boolean cell, as the JSON contract reads `true` and `false` (in any case, as spreadsheets
/// write `TRUE`); anything else is a string where a boolean is expected.
fn bool_cell(cell: &str) -> Option<bool> {
    if cell.eq_ignore_ascii_case("true") {
        Some(true)
    } else if cell.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A chunk of CSV rows: every cell's text in one buffer, and per row its line, where its
/// cells end, and why it is malformed, if it is.
#[derive(Default)]
struct CsvChunk {
    data: Vec<u8>,
    ends: Vec<usize>,
    rows: Vec<CsvRow>,
}

struct CsvRow {
    line: u64,
    /// Its cells: `ends[cells.0..cells.1]`.
    cells: (usize, usize),
    bad: Option<RowError>,
}

impl CsvChunk {
    fn clear(&mut self) {
        self.data.clear();
        self.ends.clear();
        self.rows.clear();
    }

    /// The text of cell `column` of `row` (empty where the row has no such cell).
    fn cell(&self, row: &CsvRow, column: usize) -> &str {
        let index = row.cells.0 + column;
        if index >= row.cells.1 {
            return "";
        }
        let start = if index == 0 {
            0
        } else {
            self.ends.get(index - 1).copied().unwrap_or(0)
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        std::str::from_utf8(self.data.get(start..end).unwrap_or_default()).unwrap_or_default()
    }
}

fn csv_rows<R: BufRead, W: Write>(
    lines: &mut Lines<R>,
    options: &Options,
    writer: &mut Writer<W>,
    bar: &ProgressBar,
) -> Result<(), Failure> {
    let lang = options.lang;
    let read_err = |e: io::Error| io_failure(lang.pick("lecture", "read"), &e);
    let write_err = |e: io::Error| io_failure(lang.pick("écriture", "write"), &e);
    let mut chunk = CsvChunk::default();
    let Some((_, header)) = lines.next().map_err(read_err)? else {
        // No header: the answer's header alone, in the delimiter asked for (the input's).
        writer.delimiter = options.output_delimiter.or(options.delimiter).unwrap_or(b',');
        return writer.header().map_err(write_err);
    };
    let header = header.map_err(|()| {
        Failure::Usage(
            lang.pick("en-tête CSV trop long", "CSV header too long")
                .to_string(),
        )
    })?;
    let delimiter = options.delimiter.unwrap_or_else(|| sniff_delimiter(header));
    split_csv(header, delimiter, &mut chunk.data, &mut chunk.ends).map_err(|e| {
        Failure::Usage(format!(
            "{}: {}",
            lang.pick("en-tête CSV", "CSV header"),
            e.message(lang)
        ))
    })?;
    let fields = header_fields(&chunk.data, &chunk.ends, lang)?;
    writer.delimiter = options.output_delimiter.unwrap_or(delimiter);
    writer.header().map_err(write_err)?;
    loop {
        chunk.clear();
        while chunk.rows.len() < CHUNK {
            let Some((line, text)) = lines.next().map_err(read_err)? else {
                break;
            };
            let first = chunk.ends.len();
            let bad = match text {
                Err(()) => Some(too_long(line, lang)),
                Ok(text) if std::str::from_utf8(text).is_err() => Some(malformed(
                    line,
                    lang.pick("ligne qui n'est pas en UTF-8", "line not in UTF-8"),
                    lang,
                )),
                Ok(text) => match split_csv(text, delimiter, &mut chunk.data, &mut chunk.ends) {
                    Err(e) => Some(malformed(line, e.message(lang), lang)),
                    Ok(()) if chunk.ends.len() - first != fields.len() => Some(malformed(
                        line,
                        &lang
                            .pick(
                                "CSV mal formé : {n} cellules, l'en-tête en a {h}",
                                "malformed CSV: {n} cells, the header has {h}",
                            )
                            .replace("{n}", &(chunk.ends.len() - first).to_string())
                            .replace("{h}", &fields.len().to_string()),
                        lang,
                    )),
                    Ok(()) => None,
                },
            };
            if bad.is_some() {
                // Forget the cells of a malformed line.
                chunk.ends.truncate(first);
                chunk.data.truncate(chunk.ends.last().copied().unwrap_or(0));
            }
            chunk.rows.push(CsvRow {
                line,
                cells: (first, chunk.ends.len()),
                bad,
            });
        }
        if chunk.rows.is_empty() {
            return Ok(());
        }
        price_csv_chunk(&chunk, &fields, writer, lang, options.reform.as_deref()).map_err(write_err)?;
        bar.set_position(lines.bytes);
        bar.set_message(writer.counts.rows.to_string());
        if chunk.rows.len() < CHUNK {
            return Ok(());
        }
    }
}

/// One input column of a chunk, owned.
enum Built<'a> {
    Codes(Vec<Option<&'a str>>, Vec<i32>),
    Bools(Vec<u8>, Vec<u8>, Vec<u8>),
}

/// Prices the well-formed rows of a chunk through `quote_columns`, then writes every row in
/// input order, each distinct answer rendered once.
fn price_csv_chunk<W: Write>(
    chunk: &CsvChunk,
    fields: &[Option<&'static Field>],
    writer: &mut Writer<W>,
    lang: Lang,
    reform: Option<&ceseda::Reform>,
) -> io::Result<()> {
    let rows: Vec<&CsvRow> = chunk.rows.iter().filter(|r| r.bad.is_none()).collect();
    // A code or date column is its distinct texts plus an index per row (the core parses each
    // distinct text once); a boolean column is a value, a null flag and a wrong-type flag per row.
    let mut built: Vec<(&'static str, Built<'_>)> = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let Some(field) = field else { continue };
        let cells = rows.iter().map(|r| chunk.cell(r, i));
        let column = match field.kind {
            FieldKind::Bool => {
                let (mut values, mut nulls, mut bad) = (
                    Vec::with_capacity(rows.len()),
                    Vec::with_capacity(rows.len()),
                    Vec::with_capacity(rows.len()),
                );
                for cell in cells {
                    let b = bool_cell(cell);
                    values.push(u8::from(b == Some(true)));
                    nulls.push(u8::from(cell.is_empty()));
                    bad.push(u8::from(!cell.is_empty() && b.is_none()));
                }
                Built::Bools(values, nulls, bad)
            }
            FieldKind::Code(_) | FieldKind::Date => {
                let mut distinct: FxMap<&str, i32> = FxMap::default();
                let mut values: Vec<Option<&str>> = Vec::new();
                let mut indices = Vec::with_capacity(rows.len());
                for cell in cells {
                    if cell.is_empty() {
                        indices.push(-1);
                        continue;
                    }
                    let next = i32::try_from(values.len()).unwrap_or(i32::MAX);
                    let index = *distinct.entry(cell).or_insert_with(|| {
                        values.push(Some(cell));
                        next
                    });
                    indices.push(index);
                }
                Built::Codes(values, indices)
            }
        };
        built.push((field.name, column));
    }
    let columns: Vec<(&str, Column<'_>)> = built
        .iter()
        .map(|(name, b)| {
            let column = match b {
                Built::Codes(values, indices) => Column::Codes {
                    values,
                    indices,
                    bad_type: "string",
                },
                Built::Bools(values, nulls, bad) => Column::Bools {
                    values,
                    nulls: Some(nulls),
                    bad: Some(bad),
                    bad_type: "string",
                },
            };
            (*name, column)
        })
        .collect();
    let answer =
        quote_columns_under(reform, rows.len(), &columns, lang).map_err(|e| io::Error::other(e.message(lang)))?;
    let tails: Vec<(bool, Vec<u8>)> = answer
        .answers
        .iter()
        .map(|a| (a.is_err(), writer.render(a.as_ref())))
        .collect();
    let mut priced = answer
        .rows
        .iter()
        .map(|i| tails.get(usize::try_from(*i).unwrap_or(usize::MAX)));
    for row in &chunk.rows {
        match &row.bad {
            Some(e) => writer.row_once(row.line, Err(e))?,
            None => match priced.next().flatten() {
                Some((refused, tail)) => writer.row(row.line, *refused, tail)?,
                None => {
                    return Err(io::Error::other(
                        "the batch answered fewer rows than it was given",
                    ))
                }
            },
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------- JSON lines

fn jsonl_rows<R: BufRead, W: Write>(
    lines: &mut Lines<R>,
    writer: &mut Writer<W>,
    bar: &ProgressBar,
    lang: Lang,
    reform: Option<&ceseda::Reform>,
) -> Result<(), Failure> {
    let write_err = |e: io::Error| io_failure(lang.pick("écriture", "write"), &e);
    writer.header().map_err(write_err)?;
    // The lines of a chunk: the text of a request, or why the line is not one.
    let mut chunk: Vec<(u64, Result<String, RowError>)> = Vec::with_capacity(CHUNK);
    // Distinct answers rendered, kept while they are few.
    let mut rendered: HashMap<Result<Summary, RowError>, (bool, Vec<u8>)> = HashMap::new();
    loop {
        chunk.clear();
        while chunk.len() < CHUNK {
            let Some((line, text)) = lines
                .next()
                .map_err(|e| io_failure(lang.pick("lecture", "read"), &e))?
            else {
                break;
            };
            let request = match text {
                Err(()) => Err(too_long(line, lang)),
                Ok(text) => String::from_utf8(text.to_vec()).map_err(|_| {
                    malformed(
                        line,
                        lang.pick("ligne qui n'est pas en UTF-8", "line not in UTF-8"),
                        lang,
                    )
                }),
            };
            chunk.push((line, request));
        }
        if chunk.is_empty() {
            return Ok(());
        }
        // The chunk's requests through the core's quote_each; a line already refused has a
        // placeholder, never priced.
        let requests = chunk.iter().map(|(_, text)| match text {
            Ok(text) => Request::from_json(text),
            Err(_) => Err(Error::InvalidJson {
                message: String::new(),
            }),
        });
        for ((line, text), quoted) in chunk.iter().zip(quote_each_under(reform, requests)) {
            let answer: Result<Summary, RowError> = match (text, quoted) {
                (Err(e), _) => Err(e.clone()),
                (Ok(_), Ok(q)) => Ok(Summary::of(&q)),
                (Ok(_), Err(e @ Error::InvalidJson { .. })) => {
                    Err(malformed(*line, &e.message(lang), lang))
                }
                (Ok(_), Err(e)) => Err(RowError::of(&e, lang)),
            };
            if matches!(&answer, Err(e) if e.code == "invalid_json") {
                writer.row_once(*line, answer.as_ref()).map_err(write_err)?;
                continue;
            }
            if !rendered.contains_key(&answer) {
                if rendered.len() >= CHUNK {
                    rendered.clear();
                }
                let tail = (answer.is_err(), writer.render(answer.as_ref()));
                rendered.insert(answer.clone(), tail);
            }
            if let Some((refused, tail)) = rendered.get(&answer) {
                writer.row(*line, *refused, tail).map_err(write_err)?;
            }
        }
        bar.set_position(lines.bytes);
        bar.set_message(writer.counts.rows.to_string());
        if chunk.len() < CHUNK {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str, delimiter: u8) -> Result<Vec<String>, CsvError> {
        let (mut data, mut ends) = (Vec::new(), Vec::new());
        split_csv(line.as_bytes(), delimiter, &mut data, &mut ends)?;
        let mut start = 0;
        Ok(ends
            .iter()
            .map(|end| {
                let cell =
                    String::from_utf8_lossy(data.get(start..*end).unwrap_or_default()).to_string();
                start = *end;
                cell
            })
            .collect())
    }

    #[test]
    fn csv_lines_split_as_rfc_4180_says() {
        assert_eq!(
            cells("a,b,,c", b','),
            Ok(vec!["a".into(), "b".into(), String::new(), "c".into()])
        );
        assert_eq!(
            cells(" a ; \"b;c\" ;\"d\"\"e\"", b';'),
            Ok(vec!["a".into(), "b;c".into(), "d\"e".into()])
        );
        assert_eq!(cells("a,", b','), Ok(vec!["a".into(), String::new()]));
        assert_eq!(cells("\" a \",b", b','), Ok(vec!["a".into(), "b".into()]));
        assert_eq!(cells("a\tb", b'\t'), Ok(vec!["a".into(), "b".into()]));
        assert_eq!(cells("\"a,b", b','), Err(CsvError::Unterminated));
        assert_eq!(cells("a\"b,c", b','), Err(CsvError::StrayQuote));
        assert_eq!(cells("\"a\"b,c", b','), Err(CsvError::AfterQuote));
    }

    #[test]
    fn delimiters_are_sniffed_from_the_header() {
        assert_eq!(sniff_delimiter(b"permit;procedure;date"), b';');
        assert_eq!(sniff_delimiter(b"permit,procedure,date"), b',');
        assert_eq!(sniff_delimiter(b"\"a;b\",c"), b',');
        assert_eq!(sniff_delimiter(b"permit"), b',');
        assert_eq!(sniff_delimiter(b"permit\tdate"), b'\t');
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert!(parse_delimiter("\"").is_err() && parse_delimiter(",;").is_err());
    }

    #[test]
    fn output_cells_are_quoted_where_needed() {
        let mut out = Vec::new();
        push_cell(&mut out, "a \"b\", c", b',');
        assert_eq!(out, b"\"a \"\"b\"\", c\"");
        out.clear();
        push_cell(&mut out, "a, b", b';');
        assert_eq!(out, b"a, b");
    }
}
