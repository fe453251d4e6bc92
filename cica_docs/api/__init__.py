"""The JSON API (/api/v1/): the same services and permission rules as the browser."""
