package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of a contact attachment.
 *
 * @param vcfInfo the contact in VCF format; may be null
 * @param tamInfo the contact as a TamTam user; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactAttachmentPayload(
    @JsonProperty("vcf_info") String vcfInfo,
    @JsonProperty("tam_info") User tamInfo) {
}
