namespace NexusZero.Lattices;

/// <summary>A k×l matrix of polynomials, usually held in the NTT domain (Â of FIPS 204).</summary>
internal sealed class PolynomialMatrix
{
    private readonly PolynomialVector[] _rows;

    /// <summary>A zero matrix.</summary>
    public PolynomialMatrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Rows = rows;
        Columns = columns;
        _rows = new PolynomialVector[rows];
        for (int i = 0; i < rows; i++)
        {
            _rows[i] = new PolynomialVector(columns);
        }
    }

    /// <summary>k, the number of rows.</summary>
    public int Rows { get; }

    /// <summary>l, the number of columns.</summary>
    public int Columns { get; }

    /// <summary>Entry (row, column).</summary>
    public Span<int> this[int row, int column] => _rows[row][column];

    /// <summary>
    /// result = this ∘ v in the NTT domain, each row a sum of pointwise Montgomery products, coefficients
    /// reduced with <see cref="Zq.Reduce32"/>.
    /// </summary>
    public void MultiplyNtt(PolynomialVector v, PolynomialVector result)
    {
        if (v.Length != Columns || result.Length != Rows)
        {
            throw new ArgumentException($"A {Rows}×{Columns} matrix needs a vector of {Columns} and a result of {Rows} polynomials.");
        }

        for (int i = 0; i < Rows; i++)
        {
            Span<int> target = result[i];
            Ntt.PointwiseMontgomery(_rows[i][0], v[0], target);
            for (int j = 1; j < Columns; j++)
            {
                Ntt.PointwiseMontgomeryAccumulate(_rows[i][j], v[j], target);
            }

            Polynomial.Reduce(target);
        }
    }
}
