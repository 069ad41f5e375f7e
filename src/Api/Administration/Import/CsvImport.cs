using System.Text;
using CsvHelper;

namespace GridCase.Api.Administration.Import;

/// <summary>One line of a CSV import file with its values by column (null where the field is empty or absent).</summary>
public sealed record CsvImportLine(int Line, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string column] => Values.GetValueOrDefault(column);
}

/// <summary>
/// How every import file is read (units, users): UTF-8 only (a spreadsheet's GBK is refused before any row is read),
/// a header naming the columns in any order and case, one line a record, the header being line 1 so that problems
/// name the line a spreadsheet shows. What cannot be read is a problem on its line, never an exception or a guess.
/// </summary>
public static class CsvImport
{
    public const string EncodingProblem = "import-encoding";

    public const string EncodingMessage = "文件须为 UTF-8 编码（Excel 中另存为“CSV UTF-8”） / The file must be UTF-8 (in Excel: save as 'CSV UTF-8').";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text without a byte-order mark, or null when it is not UTF-8.</summary>
    public static string? Decode(byte[] file)
    {
        try
        {
            return StrictUtf8.GetString(file).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>An import request's body as text, or null when it is not UTF-8 (answer <see cref="EncodingRefused"/>).</summary>
    public static async Task<string?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var file = new MemoryStream();
        await body.CopyToAsync(file, cancellationToken);
        return Decode(file.ToArray());
    }

    /// <summary>400 <c>import-encoding</c>: spreadsheets in China often save CSV in GBK, which would arrive as garbled names.</summary>
    public static IResult EncodingRefused() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: Infrastructure.ProblemExceptionHandler.TypeBase + EncodingProblem, title: EncodingMessage);

    /// <summary>
    /// The lines of <paramref name="text"/> (empty lines skipped). Header problems (an unknown, repeated or missing
    /// column) and a file over <paramref name="maxRows"/> give no lines; a line with malformed quotes or another number
    /// of fields than the header is a problem on that line and is left out.
    /// </summary>
    public static List<CsvImportLine> Read(
        string text, IReadOnlyList<string> columns, IReadOnlyList<string> required, int maxRows, List<ImportProblem> problems)
    {
        var malformed = new List<CsvMalformedRecord>();
        using var reader = CsvReader.FromText(text, new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = false,
            SkipEmptyLines = true,
            OnMalformedRecord = malformed.Add,
        });

        var index = Header(reader.Headers, columns, required, problems);
        if (problems.Count > 0)
        {
            return [];
        }

        var records = new List<(int Line, string[] Fields)>();
        while (reader.Read())
        {
            if (records.Count == maxRows)
            {
                problems.Add(new(1, "", $"一个文件至多 {maxRows} 行，请分批导入 / A file has at most {maxRows} rows; split it."));
                return [];
            }

            records.Add(((int)reader.LineNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray()));
        }

        var badQuoting = malformed.Where(m => m.Reason != CsvMalformedReason.FieldCountMismatch).Select(m => (int)m.LineNumber).ToHashSet();
        var lines = new List<CsvImportLine>(records.Count);
        foreach (var (line, fields) in records)
        {
            if (badQuoting.Contains(line))
            {
                problems.Add(new(line, "", "引号不成对或位置不对：含逗号或引号的字段须加引号，字段内的引号须写两次 / The quotes of this line are malformed: quote fields that contain commas or quotes, and double the quotes inside."));
            }
            else if (fields.Length != reader.Headers.Count)
            {
                problems.Add(new(line, "", $"本行有 {fields.Length} 个字段，表头有 {reader.Headers.Count} 列（含逗号的字段须加引号）/ The line has {fields.Length} fields, the header {reader.Headers.Count} columns (quote fields that contain commas)."));
            }
            else
            {
                lines.Add(new CsvImportLine(line, index.ToDictionary(c => c.Key, c => fields[c.Value] is { Length: > 0 } value ? value : null)));
            }
        }

        return lines;
    }

    private static Dictionary<string, int> Header(
        IReadOnlyList<string> headers, IReadOnlyList<string> columns, IReadOnlyList<string> required, List<ImportProblem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            var column = columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                problems.Add(new(1, name, $"未知的列 {name}，列为 {string.Join(", ", columns)} / Unknown column '{name}': the columns are {string.Join(", ", columns)}."));
            }
            else if (!index.TryAdd(column, i))
            {
                problems.Add(new(1, column, $"列 {column} 出现了两次 / Column {column} appears twice."));
            }
        }

        foreach (var missing in required.Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new(1, missing, $"缺少列 {missing} / Column {missing} is missing."));
        }

        return index;
    }
}
