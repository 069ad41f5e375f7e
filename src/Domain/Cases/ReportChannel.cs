namespace GridCase.Domain.Cases;

/// <summary>Where a case came from: grid patrol, the 12345 hotline, video (雪亮工程), the public, a department, a superior.</summary>
public enum ReportChannel
{
    GridPatrol,
    Hotline12345,
    Video,
    Public,
    Department,
    Superior,
}
