using NexusZero.Explainability.Counterfactuals;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Shap;

namespace NexusZero.Explainability.Tests.Budget;

/// <summary>Every explainer stops on cancellation and on its time limit, promptly, and reports progress.</summary>
public sealed class ExplainerBudgetTests
{
    private const int Inputs = 6;

    public static TheoryData<string> Methods => ["shap-exact", "shap-kernel", "shap-permutation", "shap-linear", "lime", "counterfactual"];

    /// <summary>The methods that call the model (Linear SHAP reads the weights instead).</summary>
    public static TheoryData<string> ModelMethods => ["shap-exact", "shap-kernel", "shap-permutation", "lime", "counterfactual"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_cancelled_token_stops_the_call_before_any_row(string method)
    {
        var model = new ObservedModel(LinearOrMlp(method));
        var explain = Create(method, model, new ExplainerOptions());
        long rowsAfterSetup = model.Rows;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => explain(Instances(3), cancelled.Token));
        Assert.Equal(rowsAfterSetup, model.Rows);
    }

    [Theory]
    [MemberData(nameof(ModelMethods))]
    public void Cancelling_during_a_run_stops_it_within_one_model_chunk(string method)
    {
        using var source = new CancellationTokenSource();
        int callsAtCancel = -1;
        var model = new ObservedModel(TestModels.Mlp(Inputs, 8, 2, Activation.Relu, Activation.Softmax, seed: 4), m =>
        {
            // Cancel on the third call after setup; the run must make no further model call.
            if (m.Calls == 4 && callsAtCancel < 0)
            {
                callsAtCancel = m.Calls;
                source.Cancel();
            }
        });
        var explain = Create(method, model, new ExplainerOptions());
        Assert.ThrowsAny<OperationCanceledException>(() => explain(Instances(50), source.Token));
        Assert.Equal(callsAtCancel, model.Calls);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_time_limit_throws_a_timeout_naming_the_limit(string method)
    {
        // Slow model calls and slow rows (the progress hook stalls) both count against the limit.
        var model = new ObservedModel(LinearOrMlp(method), _ => Thread.Sleep(15));
        var stall = new SynchronousProgress(_ => Thread.Sleep(15));
        var explain = Create(method, model, new ExplainerOptions { TimeLimit = TimeSpan.FromMilliseconds(40), Progress = stall });
        var started = DateTime.UtcNow;
        var error = Assert.Throws<TimeoutException>(() => explain(Instances(200), CancellationToken.None));
        Assert.Contains("time limit of 0.04 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("of 200 row(s)", error.Message, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the limit must stop the run long before it would end");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Cancelling_from_the_progress_callback_stops_at_the_next_row(string method)
    {
        using var source = new CancellationTokenSource();
        int rowsSeen = 0;
        var progress = new SynchronousProgress(p =>
        {
            if (p.CompletedRows >= 2)
            {
                rowsSeen = p.CompletedRows;
                source.Cancel();
            }
        });
        var explain = Create(method, LinearOrMlp(method), new ExplainerOptions { Progress = progress });
        Assert.ThrowsAny<OperationCanceledException>(() => explain(Instances(30), source.Token));
        Assert.Equal(2, rowsSeen);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Progress_reaches_every_row(string method)
    {
        var reports = new List<ExplainProgress>();
        var progress = new SynchronousProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }
        });
        var explain = Create(method, LinearOrMlp(method), new ExplainerOptions { Progress = progress });
        explain(Instances(4), CancellationToken.None);
        Assert.NotEmpty(reports);
        Assert.Equal(4, reports[^1].CompletedRows);
        Assert.All(reports, r => Assert.Equal(4, r.TotalRows));
        Assert.True(reports.Select(r => r.CompletedRows).SequenceEqual(reports.Select(r => r.CompletedRows).Order()), "progress never goes back");
        if (method != "shap-linear")
        {
            Assert.True(reports[^1].ModelRows > 0);
        }
    }

    [Fact]
    public void Parallel_rows_report_the_cancellation_not_an_aggregate()
    {
        using var source = new CancellationTokenSource();
        var model = new ObservedModel(TestModels.Mlp(Inputs, 8, 1, Activation.Tanh, Activation.Identity, seed: 2), m =>
        {
            if (m.Calls > 10)
            {
                source.Cancel();
            }
        });
        var explainer = new KernelShapExplainer(model, TestModels.Background(20, Inputs, seed: 1), new KernelShapOptions { MaxDegreeOfParallelism = 2 });
        Assert.ThrowsAny<OperationCanceledException>(() => explainer.Explain(Instances(40), source.Token));
    }

    [Fact]
    public void A_time_limit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExplainerOptions { TimeLimit = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExplainerOptions { TimeLimit = TimeSpan.FromSeconds(-1) });
    }

    private static IBatchModel LinearOrMlp(string method) => method == "shap-linear"
        ? DenseModel.Linear([0.5, -1, 2, 0.25, 1, -0.5], 0.1)
        : TestModels.Mlp(Inputs, 8, 2, Activation.Relu, Activation.Softmax, seed: 4);

    private static IReadOnlyList<double[]> Instances(int count) => TestModels.Rows(count, Inputs, seed: 9);

    /// <summary>One explainer per method behind one signature, with the given shared options.</summary>
    private static Func<IReadOnlyList<double[]>, CancellationToken, object> Create(string method, IBatchModel model, ExplainerOptions shared)
    {
        var background = TestModels.Background(20, Inputs, seed: 1);
        return method switch
        {
            "shap-exact" => new ExactShapExplainer(model, background, shared).Explain,
            "shap-kernel" => new KernelShapExplainer(model, background, new KernelShapOptions { TimeLimit = shared.TimeLimit, Progress = shared.Progress }).Explain,
            "shap-permutation" => new PermutationShapExplainer(model, background, new PermutationShapOptions { TimeLimit = shared.TimeLimit, Progress = shared.Progress }).Explain,
            "shap-linear" => new LinearShapExplainer(Unwrap(model), background, shared).Explain,
            "lime" => new LimeTabularExplainer(model, background, new LimeOptions { TimeLimit = shared.TimeLimit, Progress = shared.Progress }).Explain,
            "counterfactual" => CounterfactualCall(new CounterfactualExplainer(model, background, new CounterfactualOptions { TimeLimit = shared.TimeLimit, Progress = shared.Progress })),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static Func<IReadOnlyList<double[]>, CancellationToken, object> CounterfactualCall(CounterfactualExplainer explainer) =>
        (rows, token) => explainer.Explain(rows, CounterfactualTarget.Class(1), token);

    private static DenseModel Unwrap(IBatchModel model) =>
        (model is ObservedModel observed ? observed.Inner : model) as DenseModel ?? throw new ArgumentException("Linear SHAP needs a dense model.");

    /// <summary>IProgress that calls back on the reporting thread (Progress&lt;T&gt; posts to the thread pool, which races the assertions).</summary>
    private sealed class SynchronousProgress(Action<ExplainProgress> report) : IProgress<ExplainProgress>
    {
        public void Report(ExplainProgress value) => report(value);
    }
}
