namespace GridCase.Domain.Cases;

/// <summary>Where an event happened: WGS-84 coordinates and a street address (may be empty, at most 200 characters).</summary>
public sealed record GeoLocation
{
    public const int AddressMaxLength = 200;

    public GeoLocation(double latitude, double longitude, string address)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new DomainRuleException(CaseErrorCodes.Location, $"纬度须在 −90 到 90 之间 / Latitude {latitude} is outside −90..90.");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new DomainRuleException(CaseErrorCodes.Location, $"经度须在 −180 到 180 之间 / Longitude {longitude} is outside −180..180.");
        }

        address = address?.Trim() ?? string.Empty;
        if (address.Length > AddressMaxLength)
        {
            throw new DomainRuleException(CaseErrorCodes.Location, $"地址最多 {AddressMaxLength} 个字 / An address is at most {AddressMaxLength} characters.");
        }

        Latitude = latitude;
        Longitude = longitude;
        Address = address;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    public string Address { get; }
}
