namespace GridCase.Persistence.Administration;

/// <summary>A year's public holidays and make-up working days uploaded by an administrator (the document as given).</summary>
public sealed class HolidayScheduleRow
{
    public required int Year { get; init; }
    public required string Document { get; set; }
    public required string UploadedBy { get; set; }
    public required DateTime UploadedAt { get; set; }
}
