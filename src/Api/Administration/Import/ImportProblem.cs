namespace GridCase.Api.Administration.Import;

/// <summary>
/// A problem with a line of an import file (units, users), naming the field (empty for the line as a whole): in CSV the
/// physical line (the header is line 1), in JSON the array index + 1.
/// </summary>
public sealed record ImportProblem(int Line, string Field, string Message);
