using GridCase.Domain.Organisation;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// The organisation tree as loaded at start-up (about 1,500 units for the demo city). Routing and scoping read
/// it without a query; it is replaced whole when the organisation is reloaded.
/// </summary>
public sealed class OrgSnapshot
{
    private volatile OrgDirectory _current = new([]);

    public OrgDirectory Current => _current;

    public void Replace(OrgDirectory directory) => _current = directory;
}
