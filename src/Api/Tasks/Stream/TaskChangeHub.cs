using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GridCase.Api.Tasks.Stream;

/// <summary>
/// Tells the open task streams of this process that tasks changed: a unit of work publishes after its commit, each
/// subscriber's reader wakes and the console refetches its queue (which is scoped by the API as always, so the signal
/// itself carries nothing to read). Single-node only: several API nodes need a shared channel (PostgreSQL
/// LISTEN/NOTIFY) to hear each other's commits.
/// </summary>
public sealed class TaskChangeHub
{
    private readonly ConcurrentDictionary<Guid, Channel<bool>> _subscribers = new();

    /// <summary>A subscription whose reader yields once per burst of changes; dispose it to leave.</summary>
    public Subscription Subscribe()
    {
        // Capacity one, newest kept: a burst of commits wakes a slow reader once, never piles up.
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    /// <summary>How many streams are open (for tests and health).</summary>
    public int Count => _subscribers.Count;

    /// <summary>Wakes every subscriber; never blocks.</summary>
    public void Publish()
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(true);
        }
    }

    public sealed class Subscription(ChannelReader<bool> reader, Action leave) : IDisposable
    {
        public ChannelReader<bool> Reader { get; } = reader;

        public void Dispose() => leave();
    }
}
