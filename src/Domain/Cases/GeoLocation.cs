namespace GridCase.Domain.Cases;

/// <summary>Where an event happened: WGS-84 coordinates and a street address (may be empty, at most 200 characters).</summary>
public sealed record GeoLocation
{
    public const int AddressMaxLength = 200;

    public GeoLocation(double latitude, double longitude, string address)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new DomainRuleException(CaseErrorCodes.Location, $"Latitude {latitude} is outside −90..90.");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new DomainRuleException(CaseErrorCodes.Location, $"Longitude {longitude} is outside −180..180.");
        }

        address = address?.Trim() ?? string.Empty;
        if (address.Length > AddressMaxLength)
        {
            throw new DomainRuleException(CaseErrorCodes.Location, $"An address is at most {AddressMaxLength} characters.");
        }

        Latitude = latitude;
        Longitude = longitude;
        Address = address;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    public string Address { get; }
}
