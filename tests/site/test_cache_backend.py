"""The Redis cache backend (gci.site.cache): Django's, keeping its clients."""

from gci.site.cache import RedisCache


def test_each_operation_reuses_the_same_redis_client():
    cache = RedisCache("redis://127.0.0.1:1/0", {})  # no connection is made to build a client
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first


def test_reads_and_writes_on_different_servers_keep_their_own_clients():
    cache = RedisCache("redis://127.0.0.1:1/0;redis://127.0.0.1:2/0", {})
    writer = cache._cache.get_client(write=True)
    assert writer.connection_pool.connection_kwargs["port"] == 1
