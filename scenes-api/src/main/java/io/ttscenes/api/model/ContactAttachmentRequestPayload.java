package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The contact to attach.
 *
 * @param name the contact name; may be null
 * @param contactId the contact's user id if registered; may be null
 * @param vcfInfo full contact in VCF format; may be null
 * @param vcfPhone contact phone in VCF format; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactAttachmentRequestPayload(
    String name,
    @JsonProperty("contact_id") Long contactId,
    @JsonProperty("vcf_info") String vcfInfo,
    @JsonProperty("vcf_phone") String vcfPhone) {
}
