using System.Buffers;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Shap;

/// <summary>
/// The interventional value function v(S) = Σ_b w_b f(x_S, b_¬S) for one instance x, evaluated for many coalitions with
/// one model call per batch of coalitions × background rows. The empty and the full coalition never reach the model:
/// their values (the base value and f(x)) are known.
/// </summary>
internal sealed class CoalitionValueFunction
{
    /// <summary>Model rows per call: large enough to amortize the call, small enough to stay in cache.</summary>
    private const int TargetRowsPerCall = 8192;

    private readonly ExplainerSetup _setup;
    private readonly double[] _instance;
    private readonly double[] _prediction;
    private readonly ExplainRun _run;

    public CoalitionValueFunction(ExplainerSetup setup, ReadOnlySpan<double> instance, ExplainRun run)
    {
        _setup = setup;
        _run = run;
        _instance = instance.ToArray();
        _prediction = new double[setup.OutputCount];
        ModelCall.Predict(setup.Model, _instance, 1, _prediction, run);
    }

    /// <summary>f(x), the model output at the instance.</summary>
    public ReadOnlySpan<double> Prediction => _prediction;

    public int CoalitionsPerCall => Math.Max(1, TargetRowsPerCall / _setup.Background.RowCount);

    /// <summary>Fills values[c·K + k] with v(S_c) for k outputs; masks hold one byte per feature group (1 = from x).</summary>
    public void Evaluate(ReadOnlySpan<byte> masks, int count, Span<double> values)
    {
        int m = _setup.FeatureCount;
        int p = _setup.InputCount;
        int k = _setup.OutputCount;
        int n = _setup.Background.RowCount;
        int perCall = CoalitionsPerCall;
        double[] inputs = ArrayPool<double>.Shared.Rent(perCall * n * p);
        double[] outputs = ArrayPool<double>.Shared.Rent(perCall * n * k);
        int[] pending = ArrayPool<int>.Shared.Rent(perCall);
        try
        {
            int c = 0;
            while (c < count)
            {
                int batched = 0;
                while (c < count && batched < perCall)
                {
                    var mask = masks.Slice(c * m, m);
                    int ones = mask.Count((byte)1);
                    if (ones == 0)
                    {
                        _setup.BaseValue.CopyTo(values.Slice(c * k, k));
                    }
                    else if (ones == m)
                    {
                        _prediction.CopyTo(values.Slice(c * k, k));
                    }
                    else
                    {
                        Fill(mask, inputs.AsSpan(batched * n * p, n * p));
                        pending[batched++] = c;
                    }

                    c++;
                }

                if (batched == 0)
                {
                    continue;
                }

                ModelCall.Predict(_setup.Model, inputs, batched * n, outputs, _run);
                var weights = _setup.Background.Weights;
                for (int i = 0; i < batched; i++)
                {
                    var destination = values.Slice(pending[i] * k, k);
                    destination.Clear();
                    int baseRow = i * n;
                    for (int b = 0; b < n; b++)
                    {
                        double w = weights[b];
                        int offset = (baseRow + b) * k;
                        for (int o = 0; o < k; o++)
                        {
                            destination[o] += w * outputs[offset + o];
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(inputs);
            ArrayPool<double>.Shared.Return(outputs);
            ArrayPool<int>.Shared.Return(pending);
        }
    }

    /// <summary>Copies the background block, then overwrites the coalition's columns with the instance's values.</summary>
    private void Fill(ReadOnlySpan<byte> mask, Span<double> block)
    {
        int p = _setup.InputCount;
        int n = _setup.Background.RowCount;
        _setup.Background.Values.AsSpan(0, n * p).CopyTo(block);
        var columnToGroup = _setup.Groups.ColumnToGroup;
        for (int j = 0; j < p; j++)
        {
            if (mask[columnToGroup[j]] != 0)
            {
                double v = _instance[j];
                for (int b = 0; b < n; b++)
                {
                    block[(b * p) + j] = v;
                }
            }
        }
    }
}
