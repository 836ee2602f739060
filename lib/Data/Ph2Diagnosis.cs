namespace Segmentation.Data;

/// <summary>The clinical diagnosis PH2 gives each lesion (column "Clinical Diagnosis" of PH2_dataset.txt).</summary>
public enum Ph2Diagnosis
{
    /// <summary>No diagnosis was found (PH2_dataset.txt is missing or has no row for the case).</summary>
    Unknown,

    /// <summary>A common (benign) nevus; code 0 in PH2_dataset.txt.</summary>
    CommonNevus,

    /// <summary>An atypical (benign) nevus; code 1 in PH2_dataset.txt.</summary>
    AtypicalNevus,

    /// <summary>A melanoma (malignant); code 2 in PH2_dataset.txt.</summary>
    Melanoma,
}
