namespace GridCase.Workflows.Activities;

/// <summary>The activity types a definition may use, by type name.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivity> _activities;

    public ActivityRegistry(IEnumerable<IActivity> activities) =>
        _activities = activities.ToDictionary(a => a.Type, StringComparer.Ordinal);

    public IActivity? Find(string type) => _activities.GetValueOrDefault(type);

    public IEnumerable<IActivity> All => _activities.Values.OrderBy(a => a.Descriptor.Category, StringComparer.Ordinal).ThenBy(a => a.Type, StringComparer.Ordinal);
}
