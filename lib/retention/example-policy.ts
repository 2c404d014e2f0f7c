/**
 * The example /admin/retention offers ("Start from the example"): the issue's own policy (searches
 * kept 90 days, payments seven years, everything else forever), to change before it is saved.
 */
export const EXAMPLE_RETENTION_POLICY = `{
  "rules": [
    { "types": ["search.*"], "keepDays": 90 },
    { "types": ["payment.*"], "keepDays": 2555 }
  ],
  "defaultKeepDays": null
}`;
