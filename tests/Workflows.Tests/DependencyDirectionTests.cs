using System.Reflection;

namespace GridCase.Workflows.Tests;

/// <summary>Dependencies point one way: Api → Persistence → Workflows → Domain.</summary>
public sealed class DependencyDirectionTests
{
    [Test]
    public void The_engine_depends_on_the_domain_and_nothing_that_stores_or_serves()
    {
        var engine = Assembly.Load("GridCase.Workflows");
        var references = engine.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(references, Has.None.StartsWith("GridCase.Persistence").And.None.StartsWith("GridCase.Api"));
        Assert.That(references, Has.None.StartsWith("Microsoft.EntityFrameworkCore").And.None.StartsWith("Microsoft.AspNetCore"));
    }

    [Test]
    public void The_domain_references_only_the_base_class_library()
    {
        var domain = Assembly.Load("GridCase.Domain");
        var references = domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(references, Is.Not.Empty);
        Assert.That(references, Is.All.Matches<string>(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard"));
    }
}
