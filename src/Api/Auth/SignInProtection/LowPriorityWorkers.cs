using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace GridCase.Api.Auth.SignInProtection;

/// <summary>
/// A few dedicated threads that run CPU-heavy work (password hashing) at a lower scheduling priority (Linux nice +10
/// for these threads only), so that while they are busy the kernel still gives the request threads the cores first:
/// a wrong-password flood then takes the CPU that is left over rather than an equal share of it. Elsewhere the threads
/// run at normal priority.
/// </summary>
public sealed class LowPriorityWorkers : IDisposable
{
    private const int Nice = 10;

    private readonly BlockingCollection<Action> _work = new();

    public LowPriorityWorkers(int threads, string name)
    {
        for (var i = 0; i < threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"{name} {i + 1}" }.Start();
        }
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task;
    }

    public void Dispose() => _work.CompleteAdding();

    private void Work()
    {
        LowerThisThreadsPriority();
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    private static void LowerThisThreadsPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // On Linux a thread is a task of its own: PRIO_PROCESS with its thread id renices only this thread.
            _ = SetPriority(0, GetThreadId(), Nice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // An unusual libc: the work runs at normal priority, still bounded in number.
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the project for two int-only calls.
    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
