// TEMPORARY placeholder
